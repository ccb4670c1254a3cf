using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Domain;

namespace ProductRoles.Bench;

/// <summary>
/// Search at size: a product of its own with <see cref="BenchOptions.SearchItems"/> generated backlog items
/// (100,000 in the full and quick runs), saved through the app's model so the saves write the search index
/// as every command does, and a user who belongs to that product alone. Then, alternating rounds of the
/// search page, the backlog's first screen and the backlog's text filter on that product, as that user:
/// the search figure is the median p50 over rounds, beside the first screen's, measured in the same run.
/// The query is two words of the generator's vocabulary, which nearly every item holds: the broad case,
/// where every match is ranked.
/// </summary>
public static class SearchBench
{
    public const string Slug = "bench-search";
    public const string SearcherEmail = "searcher@bench.local";
    public const string Query = "refund card";

    public static async Task MeasureAsync(AppUnderTest app, BenchOptions options, BenchReport report, LoadDriver driver, Action<string> log, Func<LoadTarget, Task>? hold = null)
    {
        var count = options.SearchItems;
        if (count == 0)
        {
            return;
        }

        var searcher = await app.CreateUserAsync(SearcherEmail, "Sam Seeker (PO)");
        var productId = await app.CreateProductAsync("Bench search product", Slug, searcher, ProductRole.ProductOwner);
        var text = new TextGenerator(16);
        var clock = Stopwatch.StartNew();
        foreach (var chunk in BacklogData.Items(productId, count, [], text, DateTime.UtcNow).Chunk(1000))
        {
            await app.WithDbAsync(async db =>
            {
                db.BacklogItems.AddRange(chunk);
                await db.SaveChangesAsync();
            });
        }

        var generated = clock.Elapsed;
        var matches = await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>(
            "SELECT count(*) AS Value FROM SearchIndex WHERE SearchIndex MATCH {0} AND ProductId = {1}",
            "\"refund\"* \"card\"*", productId).SingleAsync());
        log($"search: generated {count:N0} backlog items with their index rows in {generated.TotalSeconds:F1} s; \"{Query}\" matches {matches:N0}");

        var cookie = await app.SignInAsync(SearcherEmail);
        var query = Uri.EscapeDataString(Query);
        var search = new LoadTarget("search", new Uri(app.BaseAddress, $"search?q={query}"), cookie);
        var firstScreen = new LoadTarget("backlog first screen", new Uri(app.BaseAddress, $"p/{Slug}/backlog"), cookie);
        var filter = new LoadTarget("backlog text filter", new Uri(app.BaseAddress, $"p/{Slug}/backlog?q={query}"), cookie);
        if (hold is not null)
        {
            // --profile-page search N: the search page alone, for a profiler.
            await hold(search);
            return;
        }

        var targets = new[] { search, firstScreen, filter };
        foreach (var target in targets)
        {
            await driver.RunAsync(target, options.Warmup);
        }

        var rounds = targets.ToDictionary(t => t.Name, _ => new List<RoundResult>(), StringComparer.Ordinal);
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var target in targets)
            {
                rounds[target.Name].Add(await driver.RunAsync(target, options.Round));
            }

            log($"search round {round + 1}/{options.Rounds}: " + string.Join(", ", targets.Select(t =>
                $"{t.Name} p50 {rounds[t.Name][^1].P50Ms:F1} ms ({rounds[t.Name][^1].CpuMsPerRequest:F1} CPU ms, {rounds[t.Name][^1].AllocatedBytesPerRequest / 1024:F0} KB a request)")));
        }

        var searchP50 = Median(rounds["search"], r => r.P50Ms);
        var firstScreenP50 = Median(rounds["backlog first screen"], r => r.P50Ms);
        report.Add($"search_p50_ms_n{count}", searchP50);
        report.Add($"search_p99_ms_n{count}", Median(rounds["search"], r => r.P99Ms));
        report.Add($"backlog_first_screen_p50_ms_n{count}", firstScreenP50);
        report.Add($"backlog_text_filter_p50_ms_n{count}", Median(rounds["backlog text filter"], r => r.P50Ms));
        report.Add("search_vs_backlog_first_screen_p50_ratio", firstScreenP50 > 0 ? searchP50 / firstScreenP50 : null, "≤ 2", v => v <= 2);
        report.Details["search"] = new JsonObject
        {
            ["items"] = count,
            ["query"] = Query,
            ["matches"] = matches,
            ["generate_seconds"] = Math.Round(generated.TotalSeconds, 1),
            // CPU ms a request drift less with the machine's load than latencies: compare these before and after a change.
            ["cpu_ms_per_request"] = new JsonObject(targets.Select(t => KeyValuePair.Create(t.Name, (JsonNode?)Math.Round(Median(rounds[t.Name], r => r.CpuMsPerRequest), 2)))),
            ["how"] = "GET /search?q=… and /p/{slug}/backlog(?q=…) as a member of only this product, alternating rounds; p50 is the median over rounds",
        };
    }

    private static double Median(List<RoundResult> rounds, Func<RoundResult, double> value)
    {
        var sorted = rounds.Select(value).Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
