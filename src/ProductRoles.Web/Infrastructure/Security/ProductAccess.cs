using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Infrastructure.Security;

/// <summary>The product a request is about and the caller's standing in it.</summary>
public sealed record ProductAccess(
    int ProductId, string Slug, string ProductName, LifecycleStage Stage, ProductRole? Role, bool IsAdministrator)
{
    public bool Can(Permission permission) => ProductPermissions.Allows(Role, IsAdministrator, permission);
}

/// <summary>
/// Resolves (once per HTTP request) which product a slug names and what the caller may do there.
/// Non-members get "not found" so that a product's existence does not leak.
/// </summary>
public sealed class ProductAccessResolver(AppDbContext db, ICurrentUser user, ProductContext context)
{
    private ProductAccess? _resolved;

    /// <summary>The access resolved for this request, if a product request has run.</summary>
    public ProductAccess? Current => _resolved;

    public async Task<ProductAccess> ResolveAsync(string slug, CancellationToken cancellationToken)
    {
        if (_resolved is not null && string.Equals(_resolved.Slug, slug, StringComparison.Ordinal))
        {
            return _resolved;
        }

        var userId = user.UserId ?? throw new NotFoundException();
        var found = await FindAsync(db, slug, userId, user.IsAdministrator, cancellationToken);
        // A token restricted to one product finds no other, exactly as a non-member does.
        if (found is null || (user.Token?.ProductId is { } only && only != found.ProductId))
        {
            throw new NotFoundException();
        }

        _resolved = found;
        return _resolved;
    }

    /// <summary>
    /// The product a slug names and the user's standing in it; null when there is no such product or
    /// the user is neither a member nor an administrator. Pages (through the behaviour) and the live
    /// hub ask this one lookup, so both grant the same access.
    /// </summary>
    public static async Task<ProductAccess?> FindAsync(
        AppDbContext db, string slug, string userId, bool isAdministrator, CancellationToken cancellationToken)
    {
        // Deliberately unscoped: this is the lookup that decides the scope, possibly after another product's request.
        var found = await db.Products.AsNoTracking().IgnoreQueryFilters()
            .Where(p => p.Slug == slug)
            .Select(p => new
            {
                p.Id,
                p.Slug,
                p.Name,
                p.Stage,
                Role = p.Members.Where(m => m.UserId == userId).Select(m => (ProductRole?)m.Role).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);

        return found is null || (found.Role is null && !isAdministrator)
            ? null
            : new ProductAccess(found.Id, found.Slug, found.Name, found.Stage, found.Role, isAdministrator);
    }

    /// <summary>Scopes the rest of the request (handlers and data) to a product the caller was found allowed into.</summary>
    public void Enter(ProductAccess allowed) => context.Enter(allowed);

    /// <summary>The request is not about one product.</summary>
    public void Leave() => context.Leave();

    /// <summary>Forgets the cached access, e.g. after the product itself was renamed.</summary>
    public void Reset() => _resolved = null;
}
