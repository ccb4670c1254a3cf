using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProductRoles.Bench;

/// <summary>What the fan-out run measured.</summary>
public sealed record FanoutResult(
    int Clients, int Moves, double P50Ms, double P99Ms, double MaxMs, long EventsLost,
    int IdleConnections, double BytesPerIdleConnection, double ManagedBytesPerIdleConnection, double WorkingSetBytesPerIdleConnection)
{
    public JsonObject ToJson() => new()
    {
        ["clients"] = Clients,
        ["moves"] = Moves,
        ["p50_ms"] = Math.Round(P50Ms, 2),
        ["p99_ms"] = Math.Round(P99Ms, 2),
        ["max_ms"] = Math.Round(MaxMs, 2),
        ["events_lost"] = EventsLost,
        ["idle_connections"] = IdleConnections,
        ["managed_bytes_per_idle_connection"] = Math.Round(ManagedBytesPerIdleConnection),
        ["working_set_bytes_per_idle_connection"] = Math.Round(WorkingSetBytesPerIdleConnection),
        ["how"] = "clients: the hub's .NET client over WebSockets in a separate process, every one on the product's backlog page; " +
                  "one backlog move per 100 ms through the list's move form (POST ?handler=Move) as the product owner; " +
                  "per move, from its response to the event reaching the last client (the same monotonic clock in both processes); " +
                  "memory: the app process's growth from one batch of idle connections open to that and a second batch twice as large (each on an item page of its own), " +
                  "each after a forced aggressive full GC, divided by the second batch's number; " +
                  "the figure is the larger of the managed heap's and the working set's growth",
    };
}

/// <summary>
/// The live fan-out run: many connected clients on one product, a move every 100 ms, how long until
/// every client has the event, whether any was lost, and what an idle connection costs the app.
/// </summary>
public static partial class LiveFanout
{
    public static async Task<FanoutResult> RunAsync(
        AppUnderTest app, string email, string slug, IReadOnlyList<int> itemIds, int clients, int moves, int idleConnections, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(itemIds);
        ArgumentNullException.ThrowIfNull(log);
        var cookie = await app.SignInAsync(email);
        var cookieFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(cookieFile, cookie);
        try
        {
            // What one more idle connection costs: the app's memory with a first batch of idle connections open, and again
            // with a second batch, twice as large, open as well (each after a full GC); the growth, divided by the second
            // batch. The first batch takes what only the first connections pay (the thread pool's and the memory pool's
            // growth), which dividing all the growth by all connections would spread over them.
            // Before both, warm-up connections in two rounds with a pause after each, so that compiling the hub's code is
            // in neither batch: the runtime counts calls towards a method's second tier only once new code has stopped
            // coming (a first round of connections is all new code), and compiles that tier in the background.
            foreach (var warmUpConnections in (int[])[20, 50])
            {
                await using (var warmUp = await ClientProcess.StartAsync(app, cookieFile, slug, warmUpConnections, followBacklog: false))
                {
                    await warmUp.FinishAsync(0);
                }

                await Task.Delay(Settle);
            }

            var firstBatch = Math.Max(1, idleConnections / 2);
            double managedPer, workingSetPer;
            await using (var first = await ClientProcess.StartAsync(app, cookieFile, slug, firstBatch, followBacklog: false))
            {
                await Task.Delay(Settle);
                var before = Memory();
                // The second batch's item pages follow the first's: every connection is on a page of its own.
                await using (var idle = await ClientProcess.StartAsync(app, cookieFile, slug, idleConnections, followBacklog: false, firstItem: firstBatch + 1))
                {
                    await Task.Delay(Settle);
                    var after = Memory();
                    // Growth below the noise of a GC'd heap (a few connections, in --smoke) can read negative: that is 0.
                    managedPer = Math.Max(0, after.Managed - before.Managed) / (double)idleConnections;
                    workingSetPer = Math.Max(0, after.WorkingSet - before.WorkingSet) / (double)idleConnections;
                    await idle.FinishAsync(0);
                }

                await first.FinishAsync(0);
            }

            log(string.Create(CultureInfo.InvariantCulture, $"live: {idleConnections} idle connections on top of {firstBatch}: {managedPer:F0} managed bytes, {workingSetPer:F0} working-set bytes each"));

            // The fan-out: every client follows the product; a move every 100 ms.
            await using var followers = await ClientProcess.StartAsync(app, cookieFile, slug, clients, followBacklog: true);
            // Every join told the page's others who is there now: let that burst drain before measuring.
            await Task.Delay(Settle);
            log($"live: {clients} clients connected; {moves} moves, one per 100 ms");
            var responded = await MoveAsync(app, cookie, slug, itemIds, moves);
            var arrivals = await followers.FinishAsync(moves);
            var latencies = new List<double>(moves);
            long lost = 0;
            for (var k = 0; k < moves; k++)
            {
                var (got, latest) = arrivals.TryGetValue(k, out var a) ? a : (0, 0L);
                lost += clients - got;
                if (got > 0)
                {
                    // An event can overtake the response that caused it: that counts as no wait at all.
                    latencies.Add(Math.Max(0, (latest - responded[k]) * 1000.0 / Stopwatch.Frequency));
                }
            }

            latencies.Sort();
            var result = new FanoutResult(clients, moves, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count == 0 ? 0 : latencies[^1], lost,
                idleConnections, Math.Max(managedPer, workingSetPer), managedPer, workingSetPer);
            log(string.Create(CultureInfo.InvariantCulture, $"live: fan-out p50 {result.P50Ms:F1} ms, p99 {result.P99Ms:F1} ms, max {result.MaxMs:F1} ms; {lost} events lost"));
            return result;
        }
        finally
        {
            File.Delete(cookieFile);
        }
    }

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    /// <summary>One move every 100 ms (the next one at once when a move took longer), each answer's time.</summary>
    private static async Task<long[]> MoveAsync(AppUnderTest app, string cookie, string slug, IReadOnlyList<int> itemIds, int moves)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var get = new HttpRequestMessage(HttpMethod.Get, $"p/{slug}/backlog");
        get.Headers.TryAddWithoutValidation("Cookie", cookie);
        using var page = await http.SendAsync(get);
        var token = WebUtility.HtmlDecode(Token().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        var responded = new long[moves];
        var start = Stopwatch.GetTimestamp();
        for (var k = 0; k < moves; k++)
        {
            var due = start + (k * Stopwatch.Frequency / 10);
            var wait = (due - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency;
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            }

            using var post = new HttpRequestMessage(HttpMethod.Post, $"p/{slug}/backlog?handler=Move")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    // Each to the top, from the last of the items upwards and round again: never the item already on top, so every move changes the order.
                    ["itemId"] = itemIds[itemIds.Count - 1 - (k % itemIds.Count)].ToString(CultureInfo.InvariantCulture),
                    ["move"] = "Top",
                    ["__RequestVerificationToken"] = token,
                }),
            };
            post.Headers.TryAddWithoutValidation("Cookie", cookie);
            using var answer = await http.SendAsync(post, HttpCompletionOption.ResponseHeadersRead);
            responded[k] = Stopwatch.GetTimestamp();
            if ((int)answer.StatusCode is not (302 or 303))
            {
                throw new InvalidOperationException($"Move {k} answered {(int)answer.StatusCode}, not a redirect.");
            }
        }

        return responded;
    }

    private static (long Managed, long WorkingSet) Memory()
    {
        // Aggressive: the collector also gives back the memory it keeps committed for later allocations, which the
        // connections' handshakes grew; without it the working set reads that, not what the connections hold.
        for (var n = 0; n < 2; n++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>The clients' process (<see cref="LiveClients"/>): this very assembly, started again with its flag.</summary>
    private sealed class ClientProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly List<string> _errors = [];

        private ClientProcess(Process process) => _process = process;

        public static async Task<ClientProcess> StartAsync(AppUnderTest app, string cookieFile, string slug, int count, bool followBacklog, int firstItem = 1)
        {
            var assembly = typeof(LiveClients).Assembly.Location;
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "exec", "--runtimeconfig", Path.ChangeExtension(assembly, ".runtimeconfig.json"), "--depsfile", Path.ChangeExtension(assembly, ".deps.json"),
                         assembly, LiveClients.Flag, new Uri(app.BaseAddress, LiveContract.HubPath).ToString(), cookieFile, slug,
                         count.ToString(CultureInfo.InvariantCulture), followBacklog ? "backlog" : "items", firstItem.ToString(CultureInfo.InvariantCulture),
                     })
            {
                start.ArgumentList.Add(argument);
            }

            // Workstation GC: the clients' process should not take a heap per core from the app.
            start.Environment["DOTNET_gcServer"] = "0";
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the live clients' process.");
            var clients = new ClientProcess(process);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (clients._errors)
                    {
                        clients._errors.Add(e.Data);
                    }
                }
            };
            process.BeginErrorReadLine();
            var line = await process.StandardOutput.ReadLineAsync();
            if (line != "READY")
            {
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"The live clients did not connect: {line} {clients.Errors()}");
            }

            return clients;
        }

        /// <summary>Tells the clients how many events to expect; returns per move index how many clients got it and when the last did.</summary>
        public async Task<Dictionary<int, (int Clients, long Latest)>> FinishAsync(int expected)
        {
            await _process.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"DONE {expected}"));
            await _process.StandardInput.FlushAsync();
            var arrivals = new Dictionary<int, (int, long)>();
            while (await _process.StandardOutput.ReadLineAsync() is { } line && line != "END")
            {
                var parts = line.Split(' ');
                if (parts is ["K", var k, var got, var latest])
                {
                    arrivals[int.Parse(k, CultureInfo.InvariantCulture)] =
                        (int.Parse(got, CultureInfo.InvariantCulture), long.Parse(latest, CultureInfo.InvariantCulture));
                }
            }

            await _process.WaitForExitAsync();
            if (_process.ExitCode != 0)
            {
                throw new InvalidOperationException($"The live clients failed: {Errors()}");
            }

            return arrivals;
        }

        private string Errors()
        {
            lock (_errors)
            {
                return string.Join(Environment.NewLine, _errors.TakeLast(20));
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
