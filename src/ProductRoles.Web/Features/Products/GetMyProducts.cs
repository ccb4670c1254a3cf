using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Products;

/// <summary>"My products": the products the caller belongs to, with their role on each. Administrators see all.</summary>
public sealed record GetMyProducts : IQuery<IReadOnlyList<MyProduct>>;

public sealed record MyProduct(string Slug, string Name, string? Description, LifecycleStage Stage, ProductRole? Role, int MemberCount);

public sealed class GetMyProductsHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetMyProducts, IReadOnlyList<MyProduct>>
{
    public async ValueTask<IReadOnlyList<MyProduct>> Handle(GetMyProducts query, CancellationToken cancellationToken)
    {
        var userId = user.UserId;
        var products = db.Products.AsNoTracking();
        if (!user.IsAdministrator)
        {
            products = products.Where(p => p.Members.Any(m => m.UserId == userId));
        }

        if (user.Token?.ProductId is { } only)
        {
            // A token restricted to one product lists only that one.
            products = products.Where(p => p.Id == only);
        }

        return await products
            .OrderBy(p => p.Name)
            .Select(p => new MyProduct(
                p.Slug, p.Name, p.Description, p.Stage,
                p.Members.Where(m => m.UserId == userId).Select(m => (ProductRole?)m.Role).FirstOrDefault(),
                p.Members.Count))
            .ToListAsync(cancellationToken);
    }
}
