using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.AccessTokens;

namespace ProductRoles.Web.Infrastructure.Security;

/// <summary>
/// <c>Authorization: Bearer prt_…</c>: finds the token by its hash and signs the request in as its owner,
/// with the token's scope and product on the principal (the authorization behaviour enforces them).
/// Revoked, expired or unknown tokens, and tokens of locked-out users, get 401.
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AppDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    /// <summary>Cookie or token, by the request's Authorization header: the API's scheme.</summary>
    public const string CookieOrTokenScheme = "CookieOrAccessToken";

    /// <summary>"Last used" is written at most this often per token, not on every request.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(PersonalAccessToken.Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return AuthenticateResult.Fail("Not a personal access token.");
        }

        var hash = PersonalAccessToken.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.SecretHash == hash)
            .Select(t => new
            {
                Token = t,
                User = db.Users.Where(u => u.Id == t.UserId).Select(u => new { u.UserName, u.DisplayName, u.LockoutEnd }).First(),
                IsAdministrator = db.UserRoles.Any(ur => ur.UserId == t.UserId
                    && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == AppRoles.Administrator)),
            })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null || !found.Token.IsUsableAt(now) || found.User.LockoutEnd > new DateTimeOffset(now, TimeSpan.Zero))
        {
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }

        await RecordUseAsync(found.Token, now);

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, found.Token.UserId),
            new(ClaimTypes.Name, found.User.UserName ?? found.Token.UserId),
            new("display_name", found.User.DisplayName),
            new(AccessTokenGrant.TokenIdClaim, found.Token.Id.ToString(CultureInfo.InvariantCulture)),
            new(AccessTokenGrant.ScopeClaim, found.Token.Scope.ToString()),
        };
        if (found.Token.RestrictedToProductId is { } productId)
        {
            claims.Add(new(AccessTokenGrant.ProductClaim, productId.ToString(CultureInfo.InvariantCulture)));
        }

        if (found.IsAdministrator)
        {
            claims.Add(new(ClaimTypes.Role, AppRoles.Administrator));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }

    /// <summary>Keeps "last used" current (to the minute) and writes the first use into the history, once.</summary>
    private async Task RecordUseAsync(PersonalAccessToken token, DateTime now)
    {
        if (token.LastUsedAt is { } last && now - last < LastUsedResolution)
        {
            return;
        }

        var cancel = Context.RequestAborted;
        await db.PersonalAccessTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancel);
        if (token.FirstUsedAt is null
            && await db.PersonalAccessTokens.Where(t => t.Id == token.Id && t.FirstUsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.FirstUsedAt, now), cancel) == 1)
        {
            // Only the request that set it writes the row, however many arrive at once.
            AccessTokenHistory.Record(db, token, "FirstUsed", now);
            await db.SaveChangesAsync(cancel);
        }
    }
}

/// <summary>
/// A token's life in its owner's account history: made, first used, revoked. Account history, not a product's:
/// a token can reach every product its owner belongs to, and its owner is who needs to see what it did.
/// </summary>
public static class AccessTokenHistory
{
    public static void Record(AppDbContext db, PersonalAccessToken token, string action, DateTime now) =>
        db.AccountActivities.Add(new AccountActivity
        {
            UserId = token.UserId,
            OccurredAt = now,
            Action = action,
            Subject = $"token “{token.Name}” ({EnumText.Of(token.Scope)}, expires {HistoryText.Value(DateOnly.FromDateTime(token.ExpiresAt))})",
            AccessTokenId = token.Id,
        });
}

public static class AccessTokenAuthentication
{
    public const string RateLimitPolicy = "api-token";

    /// <summary>
    /// Each personal access token has its own budget per minute, shared by every instance when Redis is configured
    /// (<see cref="ScaleOut.SharedRateLimit"/>); the browser's cookie calls are not limited here.
    /// </summary>
    private static void AddAccessTokenLimit(this Microsoft.AspNetCore.RateLimiting.RateLimiterOptions options, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Api:TokenRequestsPerMinute", 300);
        options.AddPolicy(RateLimitPolicy, http => AccessTokenGrant.From(http.User) is { } grant
            ? ScaleOut.SharedRateLimit.For(http, "token:" + grant.TokenId.ToString(CultureInfo.InvariantCulture), permits)
            : System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("cookie"));
    }

    /// <summary>
    /// The token scheme, the API's scheme that picks cookie or token by the request's header, and the per-token rate limit.
    /// </summary>
    public static IServiceCollection AddAccessTokens(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o => o.AddAccessTokenLimit(configuration));
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(AccessTokenAuthenticationHandler.CookieOrTokenScheme, "Login cookie or personal access token", o =>
                o.ForwardDefaultSelector = http => AccessTokenAuthenticationHandler.HasBearer(http.Request)
                    ? AccessTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
        return services;
    }
}
