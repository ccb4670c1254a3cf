using System.Diagnostics;
using System.Net;

namespace ProductRoles.Bench;

/// <summary>What one round of load against one target measured.</summary>
public sealed record RoundResult(long Requests, double Seconds, double RequestsPerSecond, double P50Ms, double P99Ms, double AllocatedBytesPerRequest, long ResponseBytes, double CpuMsPerRequest);

/// <summary>An HTTP GET target: a URL and the headers (cookie) it needs.</summary>
public sealed record LoadTarget(string Name, Uri Url, string? Cookie);

/// <summary>
/// A closed-loop HTTP load generator: a fixed number of workers, each sending the next request as
/// soon as the previous answer has been read to the end. Non-200 answers stop the run.
/// </summary>
public sealed class LoadDriver : IDisposable
{
    private readonly HttpClient _client;
    private readonly int _concurrency;

    public LoadDriver(int concurrency)
    {
        _concurrency = concurrency;
        _client = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = concurrency * 2,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>One request, its body as text (for checks and statement counts).</summary>
    public async Task<string> GetAsync(LoadTarget target)
    {
        using var request = Request(target);
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{target.Name}: GET {target.Url} answered {(int)response.StatusCode}.");
        }

        return body;
    }

    public async Task<RoundResult> RunAsync(LoadTarget target, TimeSpan duration)
    {
        var latencies = new List<long>[_concurrency];
        var bytes = new long[_concurrency];
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var allocatedBefore = GC.GetTotalAllocatedBytes(false);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, _concurrency).Select(i => Task.Run(async () =>
        {
            var mine = latencies[i] = new List<long>(4096);
            var buffer = new byte[64 * 1024];
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var begin = Stopwatch.GetTimestamp();
                using var request = Request(target);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{target.Name}: GET {target.Url} answered {(int)response.StatusCode}.");
                }

                await using var stream = await response.Content.ReadAsStreamAsync();
                int read;
                while ((read = await stream.ReadAsync(buffer)) > 0)
                {
                    bytes[i] += read;
                }

                mine.Add(Stopwatch.GetTimestamp() - begin);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(false) - allocatedBefore;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var requests = all.Length;
        return new RoundResult(
            requests, seconds, requests / seconds,
            Percentile(all, 0.50), Percentile(all, 0.99),
            requests == 0 ? 0 : (double)allocated / requests,
            requests == 0 ? 0 : bytes.Sum() / requests,
            requests == 0 ? 0 : cpu / requests);
    }

    private static HttpRequestMessage Request(LoadTarget target)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, target.Url);
        if (target.Cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", target.Cookie);
        }

        return request;
    }

    private static double Percentile(long[] sortedTicks, double p)
    {
        if (sortedTicks.Length == 0)
        {
            return 0;
        }

        var index = Math.Min(sortedTicks.Length - 1, (int)Math.Ceiling(p * sortedTicks.Length) - 1);
        return sortedTicks[Math.Max(0, index)] * 1000.0 / Stopwatch.Frequency;
    }

    public void Dispose() => _client.Dispose();
}
