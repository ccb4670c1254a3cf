using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Bench;

/// <summary>
/// Builds the data, starts the app and the baseline, and measures every figure of the issue.
/// Figures that need a page the app does not have yet are reported as null with the reason.
/// </summary>
public sealed class BenchRunner(BenchOptions options, TextWriter log)
{
    public const string LargeSlug = "bench-large";
    public const string SmallSlug = "bench-small";
    public const string OwnerEmail = "owner@bench.local";

    public async Task<BenchReport> RunAsync()
    {
        var report = new BenchReport { Mode = options.Mode, Concurrency = options.Concurrency };
        using var app = new AppUnderTest();
        app.Start();
        Log($"app on {app.BaseAddress} (Production, fresh SQLite {app.DatabasePath})");

        var owner = await app.CreateUserAsync(OwnerEmail, "Oliver Owens (PO)");
        var large = await app.CreateProductAsync("Bench large product", LargeSlug, owner, ProductRole.ProductOwner);
        var small = await app.CreateProductAsync("Bench small product", SmallSlug, owner, ProductRole.ProductOwner);
        var text = new TextGenerator(6);
        await GenerateHistoryAsync(app, large, owner, options.LargeItems, text);
        await GenerateHistoryAsync(app, small, owner, options.SmallItems, text);

        var cookie = await app.SignInAsync(OwnerEmail);
        var (sessionId, userId) = await app.LatestSessionAsync(owner.Id);
        Log("signed in as the product owner over HTTP");

        var environment = app.Services.GetRequiredService<IWebHostEnvironment>();
        await using var baseline = new BaselineServer(app.ConnectionString, environment.WebRootPath, PageUrls(app));
        await baseline.StartAsync();
        var baselineCookie = BaselineServer.Cookie(sessionId, userId, owner.DisplayName);
        Log($"baseline on {baseline.BaseAddress}");

        using var driver = new LoadDriver(options.Concurrency);

        // The product history: a paged list like the backlog's first screen, and the page that proves
        // the whole pipeline (data, sign-in, baseline, load loop, statement count) end to end.
        var historyApp = new LoadTarget("history app", new Uri(app.BaseAddress, $"p/{LargeSlug}/history"), cookie);
        var historyRaw = new LoadTarget("history raw", new Uri(baseline.BaseAddress, $"p/{LargeSlug}/history"), baselineCookie);
        await CheckSameContentAsync(driver, historyApp, historyRaw, "Every change to this product");
        var historyStatementsLarge = await CountStatementsAsync(app, driver, historyApp);
        var historyStatementsSmall = await CountStatementsAsync(app, driver,
            historyApp with { Url = new Uri(app.BaseAddress, $"p/{SmallSlug}/history") });
        var history = await CompareAsync(driver, "history_first_screen",
            $"/p/{{slug}}/history, first 50 of {options.LargeItems:N0} history rows", historyApp, historyRaw);
        report.Pages.Add(history);

        // The backlog figures (backlog page, export, reorder) need the product-owner pages.
        const string NoBacklog = "the app has no backlog page yet (the product-owner issue is not on main)";
        report.Add("backlog_first_screen_vs_raw_ratio", null, "≥ 0.6", reason: NoBacklog);
        report.Add("backlog_all_rows_vs_raw_ratio", null, "≥ 0.5", reason: NoBacklog);
        report.Add("sql_statements_backlog_page_n100", null, "≤ 5", reason: NoBacklog);
        report.Add("sql_statements_backlog_page_n10000", null, "= n100", reason: NoBacklog);
        report.Add("rows_written_per_reorder", null, "1", reason: NoBacklog);
        report.Add("rank_key_p99_length_after_10000_moves", RankKeyP99AfterMoves(options.LargeItems, options.RankMoves, report.Details), "≤ 32", v => v <= 32);
        report.Add("roadmap_board_vs_raw_ratio", null, reason: "the app has no roadmap board page on main");
        report.Add("sprint_review_vs_raw_ratio", null, reason: "the app has no sprint review page on main");
        report.Add("allocated_bytes_per_request", null, reason: NoBacklog + "; see pages.history_first_screen.allocated_bytes_per_request");
        report.Add("history_first_screen_vs_raw_ratio", history.Ratio);
        report.Add("sql_statements_history_page_n100", historyStatementsSmall, "≤ 5", v => v <= 5);
        report.Add("sql_statements_history_page_n10000", historyStatementsLarge, "= n100", v => v == historyStatementsSmall);
        return report;
    }

    private async Task GenerateHistoryAsync(AppUnderTest app, int productId, AppUser owner, int count, TextGenerator text)
    {
        await app.WithDbAsync(async db =>
        {
            foreach (var chunk in HistoryData.For(productId, owner.Id, owner.DisplayName, count, text).Chunk(2000))
            {
                db.Activities.AddRange(chunk);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        });
        Log($"generated {count:N0} history rows for product {productId}");
    }

    /// <summary>Each navigation page's URL pattern, from the app's own routes.</summary>
    private static Dictionary<string, string> PageUrls(AppUnderTest app)
    {
        var links = app.Services.GetRequiredService<LinkGenerator>();
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in ProductNavigation.Items)
        {
            var path = links.GetPathByPage(item.Page, handler: null, values: new { slug = "SLUGPLACEHOLDER" });
            if (path is not null)
            {
                urls[item.Page] = path.Replace("SLUGPLACEHOLDER", "{slug}", StringComparison.Ordinal);
            }
        }

        return urls;
    }

    /// <summary>Both answer 200 with the page's text; the sizes are printed so a reader can compare.</summary>
    private async Task CheckSameContentAsync(LoadDriver driver, LoadTarget appTarget, LoadTarget rawTarget, string marker)
    {
        var appBody = await driver.GetAsync(appTarget);
        var rawBody = await driver.GetAsync(rawTarget);
        if (!appBody.Contains(marker, StringComparison.Ordinal) || !rawBody.Contains(marker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{appTarget.Name} / {rawTarget.Name}: the page does not show \"{marker}\".");
        }

        Log($"{appTarget.Name}: {appBody.Length:N0} chars; {rawTarget.Name}: {rawBody.Length:N0} chars");
    }

    /// <summary>SQL statements EF Core sends for one page view (after a warm-up view), authentication included.</summary>
    private static async Task<double> CountStatementsAsync(AppUnderTest app, LoadDriver driver, LoadTarget target)
    {
        await driver.GetAsync(target);
        app.Statements.Reset();
        await driver.GetAsync(target);
        return app.Statements.Count;
    }

    /// <summary>Warm-up, then alternating app / baseline rounds; medians of each.</summary>
    private async Task<PageComparison> CompareAsync(LoadDriver driver, string name, string description, LoadTarget appTarget, LoadTarget rawTarget)
    {
        await driver.RunAsync(appTarget, options.Warmup);
        await driver.RunAsync(rawTarget, options.Warmup);
        var appRounds = new List<RoundResult>();
        var rawRounds = new List<RoundResult>();
        for (var round = 0; round < options.Rounds; round++)
        {
            appRounds.Add(await driver.RunAsync(appTarget, options.Round));
            rawRounds.Add(await driver.RunAsync(rawTarget, options.Round));
            Log($"{name} round {round + 1}/{options.Rounds}: app {appRounds[^1].RequestsPerSecond:F0} req/s ({appRounds[^1].CpuMsPerRequest:F2} CPU ms/req), " +
                $"raw {rawRounds[^1].RequestsPerSecond:F0} req/s ({rawRounds[^1].CpuMsPerRequest:F2} CPU ms/req)");
        }

        return new PageComparison(name, description, options.Concurrency, options.Rounds,
            Median(appRounds, r => r.RequestsPerSecond), Median(appRounds, r => r.P50Ms), Median(appRounds, r => r.P99Ms),
            Median(appRounds, r => r.AllocatedBytesPerRequest), appRounds[^1].ResponseBytes, Median(appRounds, r => r.CpuMsPerRequest),
            Median(rawRounds, r => r.RequestsPerSecond), Median(rawRounds, r => r.P50Ms), Median(rawRounds, r => r.P99Ms),
            Median(rawRounds, r => r.AllocatedBytesPerRequest), rawRounds[^1].ResponseBytes, Median(rawRounds, r => r.CpuMsPerRequest),
            [.. appRounds.Zip(rawRounds, (a, r) => r.RequestsPerSecond == 0 ? 0 : a.RequestsPerSecond / r.RequestsPerSecond)]);
    }

    /// <summary>
    /// Rank key lengths after random moves: start from evenly spread keys, then move a random item
    /// to a random place, its new key between its new neighbours (what a reorder writes).
    /// </summary>
    private static double RankKeyP99AfterMoves(int items, int moves, JsonObject details)
    {
        var random = new Random(10_000);
        var keys = RankKey.Spread(items).ToList();
        for (var move = 0; move < moves; move++)
        {
            var from = random.Next(keys.Count);
            keys.RemoveAt(from);
            var to = random.Next(keys.Count + 1);
            keys.Insert(to, RankKey.Between(to == 0 ? null : keys[to - 1], to == keys.Count ? null : keys[to]));
        }

        var lengths = keys.Select(k => k.Length).Order().ToArray();
        details["rank_keys"] = new JsonObject
        {
            ["source"] = "RankKey.Between on the app's own keys (no rebalancing)",
            ["items"] = items,
            ["moves"] = moves,
            ["max_length"] = lengths[^1],
            ["p50_length"] = lengths[lengths.Length / 2],
        };
        return lengths[Math.Min(lengths.Length - 1, (int)Math.Ceiling(0.99 * lengths.Length) - 1)];
    }

    private static double Median(List<RoundResult> rounds, Func<RoundResult, double> value)
    {
        var sorted = rounds.Select(value).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private void Log(string message) =>
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {message}"));
}
