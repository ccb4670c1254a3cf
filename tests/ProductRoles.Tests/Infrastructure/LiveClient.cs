using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using ProductRoles.Web.Infrastructure.Live;

namespace ProductRoles.Tests.Infrastructure;

/// <summary>
/// A live-updates connection as a browser page opens it: the SignalR .NET client over long polling
/// through the test server, carrying the signed-in client's cookies. What the hub sends is queued
/// in arrival order, so a test reads exactly what came over the wire.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<object> _received = Channel.CreateUnbounded<object>();

    private LiveClient(HubConnection connection)
    {
        _connection = connection;
        _connection.On<LiveMessage>("changed", m => _received.Writer.TryWrite(m));
        _connection.On<PresenceMessage>("presence", m => _received.Writer.TryWrite(m));
        _connection.On("access-changed", () => _received.Writer.TryWrite(AccessChanged.Instance));
    }

    /// <summary>The hub told this connection that its access changed (it must join again).</summary>
    public sealed class AccessChanged
    {
        public static readonly AccessChanged Instance = new();
    }

    public static Task<LiveClient> ConnectAsync(AppFactory factory, TestClient signedIn)
    {
        var cookies = signedIn.Cookies.GetCookieHeader(new Uri("http://localhost"));
        return ConnectAsync(factory, o =>
        {
            if (cookies.Length > 0)
            {
                o.Headers["Cookie"] = cookies;
            }
        });
    }

    /// <summary>A connection that signs in with a personal access token, as a script would, and no cookie.</summary>
    public static Task<LiveClient> ConnectWithTokenAsync(AppFactory factory, string token) =>
        ConnectAsync(factory, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token));

    private static async Task<LiveClient> ConnectAsync(AppFactory factory, Action<HttpConnectionOptions> signIn)
    {
        var server = factory.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl("http://localhost" + LiveHub.Path, o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                signIn(o);
            })
            .Build();
        await connection.StartAsync();
        return new LiveClient(connection);
    }

    public Task<LiveJoined> JoinAsync(string productSlug, string view, bool editing = false) =>
        _connection.InvokeAsync<LiveJoined>("Join", productSlug, view, editing);

    /// <summary>The next change message, skipping presence (and access) messages.</summary>
    public async Task<LiveMessage> NextChangeAsync() => (LiveMessage)await NextAsync(m => m is LiveMessage);

    /// <summary>The next presence message for the view that lists this many people.</summary>
    public async Task<PresenceMessage> PresenceWithAsync(string view, int people) =>
        (PresenceMessage)await NextAsync(m => m is PresenceMessage p && p.View == view && p.People.Count == people);

    public Task NextAccessChangeAsync() => NextAsync(m => m is AccessChanged);

    /// <summary>Waits for the next message that matches, in arrival order; the timeout only stops a broken run.</summary>
    private async Task<object> NextAsync(Func<object, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var message = await _received.Reader.ReadAsync(timeout.Token);
            if (wanted(message))
            {
                return message;
            }
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
