using System.Globalization;
using System.Security.Claims;
using ProductRoles.Web.Data.Auditing;
using ProductRoles.Web.Domain.AccessTokens;

namespace ProductRoles.Web.Infrastructure.Security;

/// <summary>Who is making the current request. Handlers and the DbContext read it; pages never pass it.</summary>
public interface ICurrentUser : IChangeAuthor
{
    bool IsAdministrator { get; }

    /// <summary>The personal access token the request came with, or null for the login cookie.</summary>
    AccessTokenGrant? Token { get; }
}

/// <summary>What the request's personal access token allows on top of its owner's roles (never more than them).</summary>
public sealed record AccessTokenGrant(int TokenId, AccessTokenScope Scope, int? ProductId)
{
    public const string TokenIdClaim = "token_id";
    public const string ScopeClaim = "token_scope";
    public const string ProductClaim = "token_product";

    public static AccessTokenGrant? From(ClaimsPrincipal principal)
    {
        if (!int.TryParse(principal.FindFirstValue(TokenIdClaim), CultureInfo.InvariantCulture, out var id)
            || !Enum.TryParse<AccessTokenScope>(principal.FindFirstValue(ScopeClaim), out var scope))
        {
            return null;
        }

        int? product = int.TryParse(principal.FindFirstValue(ProductClaim), CultureInfo.InvariantCulture, out var p) ? p : null;
        return new AccessTokenGrant(id, scope, product);
    }
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? UserId =>
        Principal?.Identity?.IsAuthenticated == true ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string Name => Principal?.Identity?.IsAuthenticated == true
        ? Principal.FindFirstValue("display_name") ?? Principal.Identity.Name ?? "unknown"
        : "system";

    public bool IsAdministrator => Principal?.IsInRole(Domain.AppRoles.Administrator) == true;

    public AccessTokenGrant? Token => Principal is { Identity.IsAuthenticated: true } p ? AccessTokenGrant.From(p) : null;
}
