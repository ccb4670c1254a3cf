using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Features.Administration;

/// <summary>Every product, for the administrator's product list.</summary>
public sealed record GetAllProducts : IQuery<IReadOnlyList<ProductSummary>>, IAdministratorRequest;

public sealed record ProductSummary(string Slug, string Name, LifecycleStage Stage, int MemberCount, DateTime CreatedAt);

public sealed class GetAllProductsHandler(AppDbContext db) : IQueryHandler<GetAllProducts, IReadOnlyList<ProductSummary>>
{
    public async ValueTask<IReadOnlyList<ProductSummary>> Handle(GetAllProducts query, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new ProductSummary(p.Slug, p.Name, p.Stage, p.Members.Count, p.CreatedAt))
            .ToListAsync(cancellationToken);
}
