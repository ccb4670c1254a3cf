using System.Globalization;

namespace ProductRoles.Bench;

/// <summary>
/// <c>--profile-backlog N</c>: the large product's backlog first screen under the usual closed-loop load
/// for N seconds, and nothing else, so <c>dotnet-trace collect -p PID</c> (the id is printed) samples only
/// that page. Measures nothing itself.
/// </summary>
public static class ProfileHold
{
    public static async Task RunAsync(AppUnderTest app, string cookie, int concurrency, TimeSpan duration, Action<string> log)
    {
        using var driver = new LoadDriver(concurrency);
        var target = new LoadTarget("backlog app", new Uri(app.BaseAddress, $"p/{BenchRunner.LargeSlug}/backlog"), cookie);
        await driver.RunAsync(target, TimeSpan.FromSeconds(3));
        log(string.Create(CultureInfo.InvariantCulture, $"profile: process {Environment.ProcessId}, backlog first screen under load for {duration.TotalSeconds:F0} s"));
        var round = await driver.RunAsync(target, duration);
        log(string.Create(CultureInfo.InvariantCulture, $"profile: {round.RequestsPerSecond:F0} req/s, {round.CpuMsPerRequest:F2} CPU ms/req, {round.AllocatedBytesPerRequest:N0} B/req"));
    }
}
