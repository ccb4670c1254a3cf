using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProductRoles.Bench;

/// <summary>
/// Under load: <see cref="BenchOptions.LoadClients"/> clients (64) for <see cref="BenchOptions.LoadDuration"/> (60 s) on the
/// largest product (100,000 items), each a closed loop of requests as the product owner: 40 % backlog views (the first
/// screen and later pages), 20 % roadmap board views, 20 % moves through the list's move form, 20 % edits through the
/// bulk-edit form (one item's status, Ready ↔ Planned). A warm-up of a tenth of the run first (at least 5 s), not
/// counted. Memory: the managed heap after a full compacting collection at the end of the warm-up and at the end of
/// the run (the app runs in this process). SQLite busy time-outs: SQLITE_BUSY / SQLITE_LOCKED failures of any SQL
/// command or transaction, counted by an interceptor.
/// </summary>
public static partial class LoadBench
{
    public sealed record Result(
        int Clients, double Seconds, long Requests, double P50Ms, double P99Ms, long Errors, double HeapAfterWarmupMb, double HeapAfterRunMb,
        long BusyTimeouts, IReadOnlyDictionary<string, long> ByKind)
    {
        /// <summary>How much the heap grew over the run (0 when it ended smaller than it began: no growth).</summary>
        public double MemoryGrowthMb => Math.Max(0, HeapAfterRunMb - HeapAfterWarmupMb);

        public JsonObject ToJson()
        {
            var kinds = new JsonObject();
            foreach (var (kind, count) in ByKind)
            {
                kinds[kind] = count;
            }

            return new JsonObject
            {
                ["clients"] = Clients, ["seconds"] = Math.Round(Seconds, 1), ["requests"] = Requests, ["requests_per_second"] = Math.Round(Requests / Seconds, 1),
                ["p50_ms"] = Math.Round(P50Ms, 2), ["p99_ms"] = Math.Round(P99Ms, 2), ["errors"] = Errors,
                ["heap_after_warmup_mb"] = Math.Round(HeapAfterWarmupMb, 1), ["heap_after_run_mb"] = Math.Round(HeapAfterRunMb, 1),
                ["sqlite_busy_timeouts"] = BusyTimeouts, ["requests_by_kind"] = kinds,
                ["how"] = "closed loop per client as the product owner: 40 % GET backlog (pages 1–5), 20 % GET roadmap, 20 % POST move (Top/Bottom/random), 20 % POST bulk edit of one item's status; errors = answers other than 2xx/3xx or none",
            };
        }
    }

    public static async Task<Result> RunAsync(
        AppUnderTest app, string cookie, string slug, IReadOnlyList<int> itemIds, int clients, TimeSpan duration, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(itemIds);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = clients * 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        using var get = new HttpRequestMessage(HttpMethod.Get, $"p/{slug}/backlog");
        get.Headers.TryAddWithoutValidation("Cookie", cookie);
        using var page = await http.SendAsync(get);
        var token = Token().Match(await page.Content.ReadAsStringAsync());
        if (!token.Success)
        {
            throw new InvalidOperationException("The backlog page has no form with an antiforgery token.");
        }

        var antiforgery = WebUtility.HtmlDecode(token.Groups[1].Value);
        var warmup = TimeSpan.FromSeconds(Math.Max(5, duration.TotalSeconds / 10));
        var measuring = 0;
        var latencies = new List<long>[clients];
        var kinds = new long[4];
        long errors = 0;
        var stopAt = DateTime.UtcNow + warmup + duration;
        var workers = Enumerable.Range(0, clients).Select(n => Task.Run(async () =>
        {
            var random = new Random(n);
            var mine = latencies[n] = new List<long>(4096);
            var buffer = new byte[64 * 1024];
            while (DateTime.UtcNow < stopAt)
            {
                var roll = random.Next(10);
                var kind = roll < 4 ? 0 : roll < 6 ? 1 : roll < 8 ? 2 : 3;
                using var request = Request(kind, random, slug, itemIds, antiforgery);
                request.Headers.TryAddWithoutValidation("Cookie", cookie);
                var begin = Stopwatch.GetTimestamp();
                var ok = false;
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    while (await body.ReadAsync(buffer) > 0)
                    {
                    }

                    ok = (int)response.StatusCode is >= 200 and < 400;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    ok = false;
                }

                if (Volatile.Read(ref measuring) == 1)
                {
                    mine.Add(Stopwatch.GetTimestamp() - begin);
                    Interlocked.Increment(ref kinds[kind]);
                    if (!ok)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            }
        })).ToArray();

        await Task.Delay(warmup);
        var heapAfterWarmup = CompactedHeapMb();
        app.BusyTimeouts.Reset();
        Volatile.Write(ref measuring, 1);
        var started = Stopwatch.GetTimestamp();
        log($"load: {clients} clients warmed up for {warmup.TotalSeconds:F0} s; heap {heapAfterWarmup:F1} MB; measuring {duration.TotalSeconds:F0} s");
        await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var busy = app.BusyTimeouts.Count;
        var heapAfterRun = CompactedHeapMb();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var result = new Result(clients, seconds, all.Length, Percentile(all, 0.50), Percentile(all, 0.99), errors, heapAfterWarmup, heapAfterRun, busy,
            new Dictionary<string, long>(StringComparer.Ordinal)
            {
                ["backlog_view"] = kinds[0], ["roadmap_view"] = kinds[1], ["move"] = kinds[2], ["edit"] = kinds[3],
            });
        log(string.Create(CultureInfo.InvariantCulture,
            $"load: {result.Requests:N0} requests in {seconds:F1} s ({result.Requests / seconds:F0}/s), p50 {result.P50Ms:F1} ms, p99 {result.P99Ms:F1} ms, {errors} errors, {busy} busy time-outs, heap {heapAfterWarmup:F1} → {heapAfterRun:F1} MB"));
        return result;
    }

    private static HttpRequestMessage Request(int kind, Random random, string slug, IReadOnlyList<int> itemIds, string antiforgery)
    {
        string Item() => itemIds[random.Next(itemIds.Count)].ToString(CultureInfo.InvariantCulture);
        switch (kind)
        {
            case 0:
                var pageNumber = random.Next(4) == 0 ? random.Next(2, 6) : 1;
                return new HttpRequestMessage(HttpMethod.Get, pageNumber == 1 ? $"p/{slug}/backlog" : $"p/{slug}/backlog?p={pageNumber}");
            case 1:
                return new HttpRequestMessage(HttpMethod.Get, $"p/{slug}/roadmap");
            case 2:
                var roll = random.Next(10);
                var move = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["itemId"] = Item(), ["move"] = roll < 4 ? "Top" : roll < 8 ? "Bottom" : "ToPosition", ["__RequestVerificationToken"] = antiforgery,
                };
                if (roll >= 8)
                {
                    move["position"] = (random.Next(itemIds.Count) + 1).ToString(CultureInfo.InvariantCulture);
                }

                return new HttpRequestMessage(HttpMethod.Post, $"p/{slug}/backlog?handler=Move") { Content = new FormUrlEncodedContent(move) };
            default:
                var edit = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["ids"] = Item(), ["bulkStatus"] = random.Next(2) == 0 ? "Ready" : "Planned", ["__RequestVerificationToken"] = antiforgery,
                };
                return new HttpRequestMessage(HttpMethod.Post, $"p/{slug}/backlog?handler=Bulk") { Content = new FormUrlEncodedContent(edit) };
        }
    }

    private static double CompactedHeapMb()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false) / 1024.0 / 1024.0;
    }

    private static double Percentile(long[] sortedTicks, double p) =>
        sortedTicks.Length == 0 ? 0 : sortedTicks[Math.Clamp((int)Math.Ceiling(p * sortedTicks.Length) - 1, 0, sortedTicks.Length - 1)] * 1000.0 / Stopwatch.Frequency;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
