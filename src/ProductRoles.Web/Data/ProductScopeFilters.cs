using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Data;

/// <summary>
/// One way in for product-owned data: while a request is scoped to a product, every query (and bulk
/// update) sees only that product's rows. Entities with a ProductId (<see cref="IProductOwned"/>) are
/// filtered on it; their children (acceptance criteria, tags, sprint days, …) through the navigation to
/// their parent. The filter is a parameter in the same statement: it adds no SQL statements. Deliberate
/// cross-product reads in a scoped request use <c>IgnoreQueryFilters()</c>.
/// </summary>
public static class ProductScopeFilters
{
    public static void Apply(ModelBuilder builder, AppDbContext context)
    {
        var scoped = Expression.Property(Expression.Constant(context), nameof(AppDbContext.ScopedProductId));
        foreach (var entityType in builder.Model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            if (PathToOwner(entityType) is not { } path)
            {
                continue;
            }

            var row = Expression.Parameter(entityType.ClrType, "row");
            Expression owner = row;
            foreach (var navigation in path)
            {
                owner = Expression.Property(owner, navigation.PropertyInfo!);
            }

            var productId = Expression.Convert(Expression.Property(owner, nameof(IProductOwned.ProductId)), typeof(int?));
            // "Unscoped?" is asked of the scope as a parameter (EF.Parameter(scope) IS NULL), not as a bool worked out
            // beforehand: EF folds a parameter's IS NULL to TRUE or FALSE from its value, so SQL sees "ProductId = @scope"
            // alone and uses the product's indexes, and because EF keys its SQL cache on which parameters are null, the
            // statement's SQL is built once. A bool parameter ("@p OR ProductId = @scope") let SQLite use no index;
            // inlining it (EF.Constant) made EF build every filtered statement's SQL anew on every execution.
            var unscoped = Expression.Equal(
                Expression.Call(typeof(EF), nameof(EF.Parameter), [typeof(int?)], scoped), Expression.Constant(null, typeof(int?)));
            var body = Expression.OrElse(unscoped, Expression.Equal(productId, scoped));
            builder.Entity(entityType.ClrType).HasQueryFilter(Expression.Lambda(body, row));
        }
    }

    /// <summary>
    /// The navigations from an entity to the product-owned row it belongs to: none for an
    /// <see cref="IProductOwned"/> entity, its parent's for a child, null for a global entity.
    /// A child must have a navigation to its parent, or the filter could not reach it.
    /// </summary>
    public static IReadOnlyList<IReadOnlyNavigation>? PathToOwner(IReadOnlyEntityType entityType)
    {
        if (typeof(IProductOwned).IsAssignableFrom(entityType.ClrType))
        {
            return [];
        }

        var parents = entityType.GetForeignKeys()
            .Where(f => f.IsRequired && !f.IsOwnership && f.PrincipalEntityType != entityType)
            .Select(f => (ForeignKey: f, ParentPath: PathToOwner(f.PrincipalEntityType)))
            .Where(p => p.ParentPath is not null)
            .ToList();
        if (parents.Count == 0)
        {
            return null;
        }

        var (foreignKey, parentPath) = parents.FirstOrDefault(p => p.ForeignKey.DependentToPrincipal is not null);
        if (foreignKey?.DependentToPrincipal is not { } navigation)
        {
            throw new InvalidOperationException(
                $"{entityType.ClrType.Name} belongs to {parents[0].ForeignKey.PrincipalEntityType.ClrType.Name}, which is " +
                $"product-owned, but has no navigation to it: add one so the product filter can reach {entityType.ClrType.Name}.");
        }

        return [navigation, .. parentPath!];
    }
}
