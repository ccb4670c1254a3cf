using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Products;

[Requires(Permission.EditProductSettings)]
public sealed record GetProductSettings(string ProductSlug) : IQuery<ProductSettings>, IProductRequest;

public sealed record ProductSettings(string Name, string? Description, LifecycleStage Stage, int Version)
{
    /// <summary>The product's id, which names it in the history.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int ProductId { get; init; }
}

public sealed class GetProductSettingsHandler(AppDbContext db, ProductContext product)
    : IQueryHandler<GetProductSettings, ProductSettings>
{
    public async ValueTask<ProductSettings> Handle(GetProductSettings query, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        return await db.Products.AsNoTracking().Where(p => p.Id == productId)
            .Select(p => new ProductSettings(p.Name, p.Description, p.Stage, p.Version) { ProductId = p.Id })
            .SingleAsync(cancellationToken);
    }
}
