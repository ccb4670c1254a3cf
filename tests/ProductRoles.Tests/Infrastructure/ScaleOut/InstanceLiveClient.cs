using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using ProductRoles.Web.Infrastructure.Live;

namespace ProductRoles.Tests.Infrastructure.ScaleOut;

/// <summary>
/// A live-updates connection to one app instance over a real WebSocket, without negotiation (as
/// behind a round-robin proxy), with a signed-in client's cookies. What the hub sends is queued in
/// arrival order, so a test reads exactly what came over the wire.
/// </summary>
public sealed class InstanceLiveClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<object> _received = Channel.CreateUnbounded<object>();

    private InstanceLiveClient(HubConnection connection)
    {
        _connection = connection;
        _connection.On<LiveMessage>("changed", m => _received.Writer.TryWrite(m));
        _connection.On<PresenceMessage>("presence", m => _received.Writer.TryWrite(m));
        _connection.On("access-changed", () => _received.Writer.TryWrite(AccessChanged));
    }

    /// <summary>What the queue holds when the hub said this connection's access changed.</summary>
    public static readonly object AccessChanged = new();

    public static async Task<InstanceLiveClient> ConnectAsync(AppInstance instance, CookieContainer cookies)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(cookies);
        var cookie = cookies.GetCookieHeader(instance.BaseAddress);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(instance.BaseAddress, LiveHub.Path.TrimStart('/')), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        await connection.StartAsync();
        return new InstanceLiveClient(connection);
    }

    public Task<LiveJoined> JoinAsync(string productSlug, string view, bool editing = false) =>
        _connection.InvokeAsync<LiveJoined>("Join", productSlug, view, editing);

    /// <summary>The next change message, skipping presence (and access) messages.</summary>
    public async Task<LiveMessage> NextChangeAsync() => (LiveMessage)await NextAsync(m => m is LiveMessage);

    /// <summary>The next presence message for the view that lists exactly these people (by user id).</summary>
    public async Task<PresenceMessage> PresenceOfAsync(string view, params string[] userIds) =>
        (PresenceMessage)await NextAsync(m => m is PresenceMessage p && p.View == view &&
            p.People.Select(x => x.UserId).Order(StringComparer.Ordinal).SequenceEqual(userIds.Order(StringComparer.Ordinal)));

    public Task NextAccessChangeAsync() => NextAsync(m => ReferenceEquals(m, AccessChanged));

    /// <summary>Every message received so far that has not been read.</summary>
    public IReadOnlyList<object> Unread()
    {
        var unread = new List<object>();
        while (_received.Reader.TryRead(out var message))
        {
            unread.Add(message);
        }

        return unread;
    }

    /// <summary>Waits for the next message that matches, in arrival order; the limit only stops a broken run.</summary>
    private async Task<object> NextAsync(Func<object, bool> wanted)
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var message = await _received.Reader.ReadAsync(giveUp.Token);
            if (wanted(message))
            {
                return message;
            }
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
