using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Infrastructure.Security;

/// <summary>
/// Ties each login cookie to a <see cref="UserSession"/> row. Each request checks the row with
/// one indexed lookup; logging out revokes it, so a copied cookie is refused from then on.
/// </summary>
public static class SessionValidation
{
    public const string SessionIdClaim = "session_id";

    public static async Task<Guid> StartAsync(AppDbContext db, string userId, DateTime now)
    {
        var session = new UserSession { Id = Guid.NewGuid(), UserId = userId, CreatedAt = now };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    public static async Task RevokeAsync(AppDbContext db, ClaimsPrincipal principal, DateTime now)
    {
        if (Guid.TryParse(principal.FindFirstValue(SessionIdClaim), out var id))
        {
            await db.UserSessions.Where(s => s.Id == id && s.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now));
        }
    }

    /// <summary>Cookie event: reject a cookie whose session was revoked or never existed.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null || !Guid.TryParse(principal.FindFirstValue(SessionIdClaim), out var id))
        {
            await RejectAsync(context);
            return;
        }

        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        bool live;
        if (IsUpgrade(context.HttpContext))
        {
            // A WebSocket's request lasts as long as the connection (a live page: hours). In the request's
            // scope the check would hold a database context, and on SQLite its open connection, that long:
            // about 200 KB per open page. A scope of its own gives both back at once.
            await using var scope = context.HttpContext.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            live = await IsLiveAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), id, userId);
        }
        else
        {
            // The same one statement also reads the bell's unread count and the user's time zone for the page.
            var user = await SignedInAsync(context.HttpContext.RequestServices.GetRequiredService<AppDbContext>(), id, userId);
            live = user is not null;
            if (user is not null)
            {
                Web.SignedInUser.Keep(context.HttpContext, user);
            }
        }

        if (!live)
        {
            await RejectAsync(context);
        }
    }

    /// <summary>A request to turn the connection into a WebSocket (HTTP/1.1 Upgrade or HTTP/2 extended CONNECT).
    /// Asked of the server's features: the WebSocket middleware only runs later, at the hub's endpoint.</summary>
    private static bool IsUpgrade(HttpContext http) =>
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpUpgradeFeature>()?.IsUpgradableRequest == true ||
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpExtendedConnectFeature>()?.IsExtendedConnect == true;

    private static Task<bool> IsLiveAsync(AppDbContext db, Guid id, string? userId) =>
        db.UserSessions.AnyAsync(s => s.Id == id && s.UserId == userId && s.RevokedAt == null);

    private static Task<Web.SignedInUser?> SignedInAsync(AppDbContext db, Guid id, string? userId) => SignedInQuery(db, id, userId);

    // Compiled once: the check runs on every request, and building its LINQ expression, reducing it to
    // parameters and looking its SQL up in EF's cache each time cost several times the statement (0.02 ms).
    private static readonly Func<AppDbContext, Guid, string?, Task<Web.SignedInUser?>> SignedInQuery =
        EF.CompileAsyncQuery((AppDbContext db, Guid id, string? userId) =>
            db.UserSessions.Where(s => s.Id == id && s.UserId == userId && s.RevokedAt == null)
                .Select(s => new Web.SignedInUser(
                    db.Notifications.Count(n => n.UserId == s.UserId && n.ReadAt == null),
                    db.NotificationSettings.Where(n => n.UserId == s.UserId).Select(n => n.TimeZoneId).FirstOrDefault()))
                .Cast<Web.SignedInUser?>()
                .FirstOrDefault());

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
