using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace ProductRoles.Web.Infrastructure.Live;

/// <summary>
/// A live connection's WebSocket request stays in memory for as long as the connection is open, hours
/// for a board left on a screen. Once the request is signed in and authorized, its cookies (the sign-in
/// cookie alone is about 2 KB, held twice: the header and the parsed value) are no longer read by
/// anything, so they are dropped, and so are the other headers of an upgrade request except those the
/// WebSocket handshake reads (the browser's user agent, languages, cache and fetch headers: about
/// 0.3–1 KB). Everything the hub uses (the user, the connection) is kept.
/// All the hub's requests lose their cookies: the WebSocket feature that would tell an upgrade apart is only
/// added inside the hub's endpoint, and negotiate and long-polling requests read no cookie either.
/// </summary>
public sealed class LiveConnectionTrimming(RequestDelegate next)
{
    /// <summary>What the WebSocket handshake and the hub still read of an upgrade request.</summary>
    private static readonly HashSet<string> Kept = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Host, HeaderNames.Connection, HeaderNames.Upgrade, HeaderNames.Origin,
        HeaderNames.SecWebSocketKey, HeaderNames.SecWebSocketVersion, HeaderNames.SecWebSocketExtensions, HeaderNames.SecWebSocketProtocol,
    };

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.StartsWithSegments(LiveHub.Path, StringComparison.OrdinalIgnoreCase))
        {
            context.Request.Headers.Cookie = default;
            context.Features.Set<IRequestCookiesFeature>(null);
            if (context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true)
            {
                var headers = context.Request.Headers;
                foreach (var name in headers.Keys.Where(k => !Kept.Contains(k)).ToList())
                {
                    headers.Remove(name);
                }
            }
        }

        return next(context);
    }
}
