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
        var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        var live = await db.UserSessions.AnyAsync(s => s.Id == id && s.UserId == userId && s.RevokedAt == null);
        if (!live)
        {
            await RejectAsync(context);
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
