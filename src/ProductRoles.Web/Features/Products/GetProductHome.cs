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

public sealed class GetProductHomeHandler(AppDbContext db, ProductContext product, TimeProvider clock)
    : IQueryHandler<GetProductHome, ProductHome>
{
    private const int RecentHistoryCount = 10;

    public async ValueTask<ProductHome> Handle(GetProductHome query, CancellationToken cancellationToken)
    {
        var row = await db.Products.AsNoTracking().Where(p => p.Id == product.Id)
            .Select(p => new { p.Name, p.Description, p.Stage, MemberCount = p.Members.Count })
            .SingleAsync(cancellationToken);

        IReadOnlyList<HistoryEntry> history = product.Can(Permission.ViewHistory)
            ? await HistoryQueries.ForProduct(db).Take(RecentHistoryCount).ToListAsync(cancellationToken)
            : [];

        // The panels lead with what matters at the product's lifecycle stage.
        var panels = HomePanels.For(row.Stage, product.Access);
        var strategy = product.Can(Permission.ViewStrategy)
            ? await StrategyHighlightsQuery.LoadAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken)
            : StrategyHighlights.Empty;

        return new ProductHome(row.Name, row.Description, row.Stage, product.Role, row.MemberCount, history, panels, strategy)
        {
            CanSeeHistory = product.Can(Permission.ViewHistory),
        };
    }
}
