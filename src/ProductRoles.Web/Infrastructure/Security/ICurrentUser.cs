using System.Security.Claims;
using ProductRoles.Web.Data.Auditing;

namespace ProductRoles.Web.Infrastructure.Security;

/// <summary>Who is making the current request. Handlers and the DbContext read it; pages never pass it.</summary>
public interface ICurrentUser : IChangeAuthor
{
    bool IsAdministrator { get; }
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
}
