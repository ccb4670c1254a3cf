using System.Globalization;

namespace ProductRoles.Bench;

/// <summary>
/// <c>--pages NAME,…</c>: only the chosen comparison pages, on the quick run's data, in the full run's order; and
/// <c>--profile-page NAME SECONDS</c>: that page alone, as the app serves it, under load for a profiler
/// (<c>dotnet-trace collect -p PID</c>, the id is printed). For working on one page without the 6-minute run.
/// </summary>
public sealed partial class BenchRunner
{
    private sealed record PageTargets(string Name, string Description, string Marker, LoadTarget App, LoadTarget Raw);

    private async Task PagesAsync(AppUnderTest app, BaselineServer baseline, LoadDriver driver, BenchReport report,
        (string Owner, string Manager, string RawOwner, string RawManager) cookies, int productId, int reviewSprintId, IReadOnlyList<int> roadmapItemIds)
    {
        LoadTarget App(string name, string path, string cookie) => new(name + " app", new Uri(app.BaseAddress, path), cookie);
        LoadTarget Raw(string name, string path, string cookie) => new(name + " raw", new Uri(baseline.BaseAddress, path), cookie);
        var reviewPath = $"p/{LargeSlug}/sprints/{reviewSprintId}/review";
        PageTargets[] pages =
        [
            new("history_first_screen", "history, first 50 rows", "Every change to this product",
                App("history", $"p/{LargeSlug}/history", cookies.Owner), Raw("history", $"p/{LargeSlug}/history", cookies.RawOwner)),
            new("backlog_first_screen", "backlog, first 50 items", "Everything the team might work on",
                App("backlog", $"p/{LargeSlug}/backlog", cookies.Owner), Raw("backlog", $"p/{LargeSlug}/backlog", cookies.RawOwner)),
            new("roadmap_board", "roadmap board, as the product manager", "Themes and initiatives by horizon",
                App("roadmap", $"p/{LargeSlug}/roadmap", cookies.Manager), Raw("roadmap", $"p/{LargeSlug}/roadmap", cookies.RawManager)),
            new("sprint_review", "sprint review, as the product owner", "Roadmap items advanced",
                App("review", reviewPath, cookies.Owner), Raw("review", reviewPath, cookies.RawOwner)),
        ];
        foreach (var page in pages.Where(p => options.Pages.Contains(p.Name, StringComparer.Ordinal)))
        {
            await CheckSameContentAsync(driver, page.App, page.Raw, page.Marker);
            if (options.ProfileSeconds > 0)
            {
                await HoldAsync(app, driver, page.App);
                return;
            }

            Log($"{page.Name}: {await CountStatementsAsync(app, driver, page.App)} SQL statements per view");
            report.Pages.Add(await CompareAsync(driver, page.Name, page.Description, page.App, page.Raw));
        }

        if (options.Pages.Contains("roadmap_item", StringComparer.Ordinal))
        {
            // As the full run: the item with 500 linked stories, linked only after the board and the review were measured.
            var (_, itemN500) = await app.WithDbAsync(db => LinkStoriesAsync(db, productId, roadmapItemIds));
            var item = App("roadmap item", $"p/{LargeSlug}/roadmap/{itemN500}", cookies.Manager);
            if (options.ProfileSeconds > 0)
            {
                await HoldAsync(app, driver, item);
                return;
            }

            Log($"roadmap_item: {await CountStatementsAsync(app, driver, item)} SQL statements per view");
            await WarmUpAsync(driver, item);
            for (var round = 0; round < options.Rounds; round++)
            {
                var result = await driver.RunAsync(item, options.Round);
                Log(string.Create(CultureInfo.InvariantCulture,
                    $"roadmap_item round {round + 1}/{options.Rounds}: app {result.RequestsPerSecond:F0} req/s ({result.CpuMsPerRequest:F2} CPU ms/req, {result.AllocatedBytesPerRequest:N0} B/req)"));
            }
        }
    }

    /// <summary>The app's page under the usual closed-loop load for the profile's seconds, and nothing else.</summary>
    private async Task HoldAsync(AppUnderTest app, LoadDriver driver, LoadTarget target)
    {
        await WarmUpAsync(driver, target);
        // One view's statements, each with the time its reader was open, to tell the database's share from the app's.
        app.Statements.Recorded = new();
        await driver.GetAsync(target);
        app.Statements.Recorded.Clear();
        await driver.GetAsync(target);
        foreach (var (sql, duration) in app.Statements.Recorded)
        {
            Log(string.Create(CultureInfo.InvariantCulture, $"profile: {duration.TotalMilliseconds:F2} ms {sql.ReplaceLineEndings(" ")}"));
        }

        app.Statements.Recorded = null;
        Log(string.Create(CultureInfo.InvariantCulture, $"profile: process {Environment.ProcessId}, {target.Name} under load for {options.ProfileSeconds} s"));
        var round = await driver.RunAsync(target, TimeSpan.FromSeconds(options.ProfileSeconds));
        Log(string.Create(CultureInfo.InvariantCulture, $"profile: {round.RequestsPerSecond:F0} req/s, {round.CpuMsPerRequest:F2} CPU ms/req, {round.AllocatedBytesPerRequest:N0} B/req"));
    }
}
