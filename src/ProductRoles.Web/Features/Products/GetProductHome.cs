using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.ProductManager.Home;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Products;

/// <summary>A product's home page: what it is, where it stands, and what changed lately.</summary>
[Requires(Permission.ViewProduct)]
public sealed record GetProductHome(string ProductSlug) : IQuery<ProductHome>, IProductRequest;

public sealed record ProductHome(
    string Name, string? Description, LifecycleStage Stage, ProductRole? Role, int MemberCount,
    IReadOnlyList<HistoryEntry> RecentHistory, IReadOnlyList<HomePanelKind> Panels, StrategyHighlights Strategy)
{
    /// <summary>Whether the caller may read the product's history.</summary>
    public bool CanSeeHistory { get; init; }
}

public sealed class GetProductHomeHandler(AppDbContext db, ProductAccessResolver access, TimeProvider clock)
    : IQueryHandler<GetProductHome, ProductHome>
{
    private const int RecentHistoryCount = 10;

    public async ValueTask<ProductHome> Handle(GetProductHome query, CancellationToken cancellationToken)
    {
        var current = access.Current!;
        var product = await db.Products.AsNoTracking().Where(p => p.Id == current.ProductId)
            .Select(p => new { p.Name, p.Description, p.Stage, MemberCount = p.Members.Count })
            .SingleAsync(cancellationToken);

        IReadOnlyList<HistoryEntry> history = current.Can(Permission.ViewHistory)
            ? await HistoryQueries.ForProduct(db, current.ProductId).Take(RecentHistoryCount).ToListAsync(cancellationToken)
            : [];

        // The panels lead with what matters at the product's lifecycle stage.
        var panels = HomePanels.For(product.Stage, current);
        var strategy = current.Can(Permission.ViewStrategy)
            ? await StrategyHighlightsQuery.LoadAsync(db, current.ProductId, clock.GetUtcNow().UtcDateTime, cancellationToken)
            : StrategyHighlights.Empty;

        return new ProductHome(product.Name, product.Description, product.Stage, current.Role, product.MemberCount, history, panels, strategy)
        {
            CanSeeHistory = current.Can(Permission.ViewHistory),
        };
    }
}
