using Microsoft.AspNetCore.Http.Features;

namespace ProductRoles.Web.Infrastructure.Live;

/// <summary>
/// A live connection's WebSocket request stays in memory for as long as the connection is open, hours
/// for a board left on a screen. Once the request is signed in and authorized, its cookies (the sign-in
/// cookie alone is about 2 KB, held twice: the header and the parsed value) are no longer read by
/// anything, so they are dropped. Everything the hub uses (the user, the connection) is kept.
/// All the hub's requests are trimmed: the WebSocket feature that would tell an upgrade apart is only
/// added inside the hub's endpoint, and negotiate and long-polling requests read no cookie either.
/// </summary>
public sealed class LiveConnectionTrimming(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.StartsWithSegments(LiveHub.Path, StringComparison.OrdinalIgnoreCase))
        {
            context.Request.Headers.Cookie = default;
            context.Features.Set<IRequestCookiesFeature>(null);
        }

        return next(context);
    }
}
