using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.ScaleOut;
using ProductRoles.Web.Infrastructure.Live;

namespace ProductRoles.Tests.Live;

/// <summary>
/// A live connection's WebSocket request stays in memory for as long as its page is open, hours for a board on a
/// screen. Once connected it holds what the hub reads (the user's id and roles, the handshake's headers) and not the
/// rest: no cookies or other headers, no services scope of the request, no tracing activity. Over a real WebSocket on
/// Kestrel, as a browser connects.
/// </summary>
public sealed class LiveConnectionFootprintTests
{
    [Fact]
    public async Task Once_connected_a_live_request_keeps_the_user_and_the_handshake_and_drops_the_rest()
    {
        var connected = new ConnectedRequests();
        using var app = new AppInstance("footprint", AppInstance.NewDatabasePath(), new Dictionary<string, string?>(StringComparer.Ordinal), ownsDatabase: true)
        {
            ExtraServices = services => services.AddSingleton<IUserIdProvider>(connected),
        }.Start();
        var cookies = new CookieContainer();
        using (var browser = app.Client(cookies, new Dictionary<string, string>(StringComparer.Ordinal) { ["User-Agent"] = "Footprint/1.0", ["Accept-Language"] = "en" }))
        {
            await browser.SignInAsync(AppFixture.Po, AppFactory.DemoPassword);
        }

        await using var live = await InstanceLiveClient.ConnectAsync(app, cookies);
        await live.JoinAsync(AppFixture.DemoSlug, LiveTopics.Backlog);

        var request = Assert.Single(connected.Seen);
        Assert.NotNull(request.UserId);
        Assert.Equal([ClaimTypes.NameIdentifier], request.ClaimTypes);
        Assert.DoesNotContain(HeaderNamesSeen.Cookie, request.Headers, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(HeaderNamesSeen.UserAgent, request.Headers, StringComparer.OrdinalIgnoreCase);
        Assert.Contains(HeaderNamesSeen.SecWebSocketKey, request.Headers, StringComparer.OrdinalIgnoreCase);
        Assert.False(request.HasParsedCookies);
        Assert.False(request.HasRequestServices);
        Assert.False(request.HasActivity);
    }

    private static class HeaderNamesSeen
    {
        public const string Cookie = "Cookie";
        public const string UserAgent = "User-Agent";
        public const string SecWebSocketKey = "Sec-WebSocket-Key";
    }

    /// <summary>What a connection's request held when the hub asked who it was (right after the handshake).</summary>
    private sealed record ConnectedRequest(
        string? UserId, IReadOnlyList<string> ClaimTypes, IReadOnlyList<string> Headers, bool HasParsedCookies, bool HasRequestServices, bool HasActivity);

    /// <summary>The hub's user id, as the default provider gives it, noting what each connection's request still holds.</summary>
    private sealed class ConnectedRequests : IUserIdProvider
    {
        private readonly List<ConnectedRequest> _seen = [];

        public IReadOnlyList<ConnectedRequest> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }

        public string? GetUserId(HubConnectionContext connection)
        {
            var userId = connection.User?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
            if (connection.GetHttpContext() is { } http)
            {
                var features = http.Features;
                var seen = new ConnectedRequest(
                    userId,
                    [.. connection.User!.Claims.Select(c => c.Type)],
                    [.. http.Request.Headers.Keys],
                    features.Get<IRequestCookiesFeature>() is not null,
                    features.Get<IServiceProvidersFeature>() is not null,
                    features.Get<IHttpActivityFeature>()?.Activity is not null);
                lock (_seen)
                {
                    _seen.Add(seen);
                }
            }

            return userId;
        }
    }
}
