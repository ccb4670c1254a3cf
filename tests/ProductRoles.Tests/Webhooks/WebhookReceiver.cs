using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ProductRoles.Tests.Webhooks;

/// <summary>What the receiver got: the delivery as sent, and whether its signature held with the receiver's secret.</summary>
public sealed record ReceivedDelivery(Guid Id, string Event, string DeliveryHeader, long Timestamp, bool SignatureValid, bool Fresh, JsonElement Body, int AnsweredWith);

/// <summary>
/// A real HTTP receiver on loopback (Kestrel, free port), written as a receiver outside the app would be:
/// it verifies <c>X-ProductRoles-Signature</c> itself (HMAC-SHA256 over "t.body" with the secret it was
/// given, t within five minutes of its clock), records every request in arrival order, and answers what
/// the test tells it to (by default 200; a gate can hold a request unanswered).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedDelivery> _received = new();
    private int _arrivals;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The secret deliveries should be signed with (set once the subscription exists).</summary>
    public string Secret { get; set; } = "";

    /// <summary>The receiver's own clock, for refusing replays: the test's clock, so time moves for both alike.</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Status for the n-th request (1-based); may wait (a delivery in flight). 200 unless told otherwise.</summary>
    public Func<int, CancellationToken, Task<int>> Answer { get; set; } = (_, _) => Task.FromResult(200);

    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedDelivery> Received => [.. _received];

    /// <summary>Requests that came in, answered or not yet.</summary>
    public int Arrivals => Volatile.Read(ref _arrivals);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Urls.Single();
        receiver.Url = address.TrimEnd('/') + "/hooks";
        return receiver;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        var n = Interlocked.Increment(ref _arrivals);
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var (timestamp, valid) = Verify(context.Request.Headers["X-ProductRoles-Signature"].ToString(), body);
        var fresh = (Now() - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() <= Tolerance;
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement.Clone();
        var record = (int status) => new ReceivedDelivery(root.GetProperty("id").GetGuid(), root.GetProperty("event").GetString()!,
            context.Request.Headers["X-ProductRoles-Delivery"].ToString(), timestamp, valid, fresh, root, status);

        int answer;
        try
        {
            answer = await Answer(n, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The sender hung up (its app stopped) before an answer: it got none, and it is recorded as such.
            _received.Enqueue(record(0));
            return;
        }

        _received.Enqueue(record(answer));
        context.Response.StatusCode = answer;
        await context.Response.WriteAsync(answer < 300 ? "thanks" : "<b>receiver is down</b>", context.RequestAborted);
    }

    private (long Timestamp, bool Valid) Verify(string header, string body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1) || !long.TryParse(t, CultureInfo.InvariantCulture, out var timestamp))
        {
            return (0, false);
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(t + "." + body));
        var given = Convert.FromHexString(v1);
        return (timestamp, CryptographicOperations.FixedTimeEquals(expected, given));
    }

    /// <summary>Waits (polling, up to a minute) until what arrived satisfies the condition; fails with what did arrive.</summary>
    public async Task<IReadOnlyList<ReceivedDelivery>> WaitForAsync(Func<IReadOnlyList<ReceivedDelivery>, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var received = Received;
            if (condition(received))
            {
                return received;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The receiver never got {what}; it got: {string.Join(", ", received.Select(r => $"{r.Event} {r.Id} → {r.AnsweredWith}"))}");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A clock the test moves by hand: retries come due when the test says so, not after real hours.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>Statuses for <see cref="WebhookReceiver.Answer"/>.</summary>
public static class Answers
{
    public static Func<int, CancellationToken, Task<int>> Always(HttpStatusCode status) => (_, _) => Task.FromResult((int)status);

    /// <summary>The first <paramref name="failures"/> requests get 500, the rest 200.</summary>
    public static Func<int, CancellationToken, Task<int>> FailFirst(int failures) =>
        (n, _) => Task.FromResult(n <= failures ? 500 : 200);
}
