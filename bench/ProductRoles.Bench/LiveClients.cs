using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ProductRoles.Bench;

/// <summary>
/// The live-update clients of the fan-out run, in a process of their own so that the app's process
/// holds only the app's share of every connection (its memory is what is measured). The hub's own
/// .NET client, WebSockets without negotiation (as behind a round-robin proxy).
/// Protocol with <see cref="LiveFanout"/>: arguments name the hub, the cookie file, the product and
/// how many clients, and whether they follow the backlog page (else each an item page of its own, from the first item given);
/// it prints <c>READY</c> once every client has joined, then on <c>DONE</c> (stdin)
/// waits for the expected events and prints per move index <c>K index clients latest-timestamp</c>
/// (Stopwatch ticks: the monotonic clock the parent uses too), then <c>END</c>.
/// </summary>
public static class LiveClients
{
    public const string Flag = "--live-clients";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var hub = new Uri(args[1]);
        var cookie = (await File.ReadAllTextAsync(args[2])).Trim();
        var slug = args[3];
        var count = int.Parse(args[4], CultureInfo.InvariantCulture);
        var followBacklog = args.Count > 5 && args[5] == "backlog";
        var firstItem = args.Count > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 1;

        var received = new List<long>[count];
        var connections = new HubConnection[count];
        for (var n = 0; n < count; n++)
        {
            var mine = received[n] = new List<long>(1024);
            var connection = connections[n] = new HubConnectionBuilder()
                .WithUrl(hub, o =>
                {
                    o.Headers["Cookie"] = cookie;
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                })
                .Build();
            connection.On(LiveContract.ChangeMethod, [typeof(JsonElement)], (arguments, _) =>
            {
                var at = Stopwatch.GetTimestamp();
                if (LiveContract.IsBacklogChange((JsonElement)arguments[0]!))
                {
                    lock (mine)
                    {
                        mine.Add(at);
                    }
                }

                return Task.CompletedTask;
            }, new object());
        }

        // Connect a few at a time: 200 at once would measure the accept queue, not the fan-out.
        foreach (var batch in connections.Chunk(20))
        {
            await Task.WhenAll(batch.Select(async c =>
            {
                await c.StartAsync();
                if (followBacklog)
                {
                    await LiveContract.JoinBacklogAsync(c, slug);
                }
                else
                {
                    await LiveContract.JoinItemAsync(c, slug, Array.IndexOf(connections, c) + firstItem);
                }
            }));
        }

        Console.WriteLine("READY");
        var done = await Console.In.ReadLineAsync();
        var expected = done is { Length: > 5 } ? int.Parse(done[5..], CultureInfo.InvariantCulture) : 0;
        var giveUp = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < giveUp && received.Any(r => Count(r) < expected))
        {
            await Task.Delay(20);
        }

        for (var k = 0; k < expected; k++)
        {
            var got = 0;
            long latest = 0;
            foreach (var list in received)
            {
                lock (list)
                {
                    if (list.Count > k)
                    {
                        got++;
                        latest = Math.Max(latest, list[k]);
                    }
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"K {k} {got} {latest}"));
        }

        Console.WriteLine("END");
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        return 0;
    }

    private static int Count(List<long> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }
}
