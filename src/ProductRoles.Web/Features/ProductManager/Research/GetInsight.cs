using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

using ProductRoles.Web.Features.ProductManager.Delivery;

namespace ProductRoles.Web.Features.ProductManager.Research;

/// <summary>One insight, with the roadmap items it is evidence for and what shipped from each.</summary>
[Requires(Permission.ViewStrategy)]
public sealed record GetInsight(string ProductSlug, int InsightId) : IQuery<InsightDetail>, IProductRequest;

public sealed record InsightDetail(InsightView Insight, IReadOnlyList<DeliveredRoadmapItem> RoadmapItems)
{
    /// <summary>Whether the caller may change it (the permission table, for the caller's role).</summary>
    public bool CanEdit { get; init; }

    /// <summary>Whether the caller may read its history.</summary>
    public bool CanSeeHistory { get; init; }
}

public sealed class GetInsightHandler(AppDbContext db, ProductContext product) : IQueryHandler<GetInsight, InsightDetail>
{
    public async ValueTask<InsightDetail> Handle(GetInsight query, CancellationToken cancellationToken)
    {
        var insight = await db.Insights.AsNoTracking().SingleOrNotFoundAsync(i => i.Id == query.InsightId, cancellationToken);
        var linked = db.RoadmapItemInsights.Where(l => l.InsightId == insight.Id).Select(l => l.RoadmapItemId);
        var delivered = await DeliveryQueries.DeliveredAsync(db, db.RoadmapItems.Where(i => linked.Contains(i.Id)), cancellationToken);
        var shipped = await DeliveryQueries.ShippedAsync(db, linked, cancellationToken);
        var items = delivered.Select(i => i with { Shipped = [.. shipped[i.Id]] }).ToList();
        return new InsightDetail(GetInsightsHandler.ToView(insight), items)
        {
            CanEdit = product.Can(Permission.EditStrategy), CanSeeHistory = product.Can(Permission.ViewHistory),
        };
    }
}
