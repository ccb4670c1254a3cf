using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Search;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Search;

/// <summary>A product the caller belongs to, as search and the palette see it.</summary>
public sealed record SearchableProduct(int Id, string Slug, string Name, ProductRole? Role, bool IsAdministrator)
{
    public bool Can(Permission permission) => ProductPermissions.Allows(Role, IsAdministrator, permission);
}

/// <summary>
/// What a search may show the caller: in each of their products, the kinds their role may read there,
/// from the one permission table. A stakeholder reads none of the kinds the index holds (they see the
/// published roadmap and sprint reviews), so their searches find nothing; a non-member finds nothing of
/// the product; an administrator who is no member may run a product, not read it.
/// </summary>
public static class SearchScopes
{
    public static readonly IReadOnlyDictionary<SearchKind, Permission> PermissionFor = new Dictionary<SearchKind, Permission>
    {
        [SearchKind.BacklogItem] = Permission.ViewBacklog,
        [SearchKind.Comment] = Permission.ViewBacklog,
        [SearchKind.RoadmapItem] = Permission.ViewStrategy,
        [SearchKind.Insight] = Permission.ViewStrategy,
        [SearchKind.Goal] = Permission.ViewStrategy,
        [SearchKind.Feedback] = Permission.ViewCustomerFeedback,
        [SearchKind.Sprint] = Permission.ViewSprints,
    };

    /// <summary>The caller's products (a token restricted to one product sees only that one), by name.</summary>
    public static async Task<IReadOnlyList<SearchableProduct>> ProductsAsync(AppDbContext db, ICurrentUser user, CancellationToken cancellationToken)
    {
        var userId = user.UserId;
        if (userId is null)
        {
            return [];
        }

        var products = db.Products.AsNoTracking().IgnoreQueryFilters();
        products = user.IsAdministrator ? products : products.Where(p => p.Members.Any(m => m.UserId == userId));
        if (user.Token?.ProductId is { } only)
        {
            products = products.Where(p => p.Id == only);
        }

        return await products.OrderBy(p => p.Name)
            .Select(p => new SearchableProduct(p.Id, p.Slug, p.Name,
                p.Members.Where(m => m.UserId == userId).Select(m => (ProductRole?)m.Role).FirstOrDefault(), user.IsAdministrator))
            .ToListAsync(cancellationToken);
    }

    public static IReadOnlyCollection<long> For(IEnumerable<SearchableProduct> products) =>
        [.. products.SelectMany(p => PermissionFor.Where(k => p.Can(k.Value)).Select(k => SearchIndexSql.Scope(p.Id, k.Key)))];
}
