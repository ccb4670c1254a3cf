using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ProductRoles.Bench;

/// <summary>
/// The CSV export of the largest product (100,000 items), downloaded once as the product owner, read as it
/// streams: rows per second, and the memory the app's process grew by meanwhile. Memory is sampled every
/// 10 ms the way <see cref="ImportBench"/> does: the managed heap as the last collection left it (what the
/// export keeps alive; the figure) and the process's working set. A small export first warms the path up.
/// </summary>
public static class ExportBench
{
    public sealed record Result(int Items, long Rows, long Bytes, double Seconds, double PeakHeapGrowthMb, double PeakWorkingSetGrowthMb)
    {
        public double RowsPerSecond => Rows / Seconds;

        public JsonObject ToJson() => new()
        {
            ["items"] = Items, ["rows"] = Rows, ["mb"] = Math.Round(Bytes / 1024.0 / 1024.0, 1), ["seconds"] = Math.Round(Seconds, 2),
            ["rows_per_second"] = Math.Round(RowsPerSecond), ["peak_heap_growth_mb"] = Math.Round(PeakHeapGrowthMb, 1),
            ["peak_working_set_growth_mb"] = Math.Round(PeakWorkingSetGrowthMb, 1),
            ["how"] = "GET /p/{slug}/backlog/export as the product owner, read to the end as it streams; heap = GC heap size after the last collection, sampled every 10 ms, peak minus before",
        };
    }

    public static async Task<Result> RunAsync(AppUnderTest app, string slug, string warmUpSlug, int items, string cookie)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(10),
        };
        await DownloadAsync(http, warmUpSlug, cookie);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var liveBefore = GC.GetGCMemoryInfo().HeapSizeBytes;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        long peakLive = liveBefore, peakWorkingSet = workingSetBefore;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peakLive = Math.Max(peakLive, GC.GetGCMemoryInfo().HeapSizeBytes);
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                await Task.Delay(10, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        var (lines, bytes) = await DownloadAsync(http, slug, cookie);
        clock.Stop();
        await done.CancelAsync();
        await sampler;
        if (lines - 1 < items)
        {
            throw new InvalidOperationException($"The export of {slug} has {lines - 1} rows, not {items}.");
        }

        return new Result(items, lines - 1, bytes, clock.Elapsed.TotalSeconds,
            (peakLive - liveBefore) / 1024.0 / 1024.0, (peakWorkingSet - workingSetBefore) / 1024.0 / 1024.0);
    }

    /// <summary>Reads the export to the end, counting its lines (the header and one per item; descriptions are not exported) and bytes.</summary>
    private static async Task<(long Lines, long Bytes)> DownloadAsync(HttpClient http, string slug, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"p/{slug}/backlog/export");
        request.Headers.TryAddWithoutValidation("Cookie", cookie);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long lines = 0, bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return (lines, bytes);
    }
}
