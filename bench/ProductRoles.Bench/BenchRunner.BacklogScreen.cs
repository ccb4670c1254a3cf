using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Web.Data.Identity;

namespace ProductRoles.Bench;

public sealed partial class BenchRunner
{
    /// <summary>
    /// <c>--backlog</c>: the backlog's first screen beside its baseline and nothing else (the same data,
    /// check and rounds as the quick run's), so work on that page is measured in a minute.
    /// </summary>
    private async Task BacklogScreenAsync(AppUnderTest app, AppUser owner, int large, TextGenerator text, BenchReport report)
    {
        await GenerateBacklogAsync(app, large, options.LargeItems, text);
        var cookie = await app.SignInAsync(OwnerEmail);
        var (sessionId, userId) = await app.LatestSessionAsync(owner.Id);
        var environment = app.Services.GetRequiredService<IWebHostEnvironment>();
        await using var baseline = new BaselineServer(app.ConnectionString, environment.WebRootPath, PageUrls(app));
        await baseline.StartAsync();
        using var driver = new LoadDriver(options.Concurrency);
        var backlogApp = new LoadTarget("backlog app", new Uri(app.BaseAddress, $"p/{LargeSlug}/backlog"), cookie);
        var backlogRaw = new LoadTarget("backlog raw", new Uri(baseline.BaseAddress, $"p/{LargeSlug}/backlog"),
            BaselineServer.Cookie(sessionId, userId, owner.DisplayName));
        await CheckSameContentAsync(driver, backlogApp, backlogRaw, "Everything the team might work on");
        var backlog = await CompareAsync(driver, "backlog_first_screen",
            $"/p/{{slug}}/backlog, first 50 of {options.LargeItems:N0} items", backlogApp, backlogRaw);
        report.Pages.Add(backlog);
        report.Add("backlog_first_screen_vs_raw_ratio", backlog.Ratio, "≥ 0.85", v => v >= 0.85);
        report.Add("allocated_bytes_per_request", backlog.AllocatedBytesPerRequest, "≤ 409,600", v => v <= 400 * 1024);
        report.Add("backlog_first_screen_html_bytes", backlog.ResponseBytes, "≤ 81,920", v => v <= 80 * 1024);
    }
}
