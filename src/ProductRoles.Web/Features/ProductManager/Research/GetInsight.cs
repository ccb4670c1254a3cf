using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Research;

/// <summary>One insight, with the roadmap items it is evidence for.</summary>
[Requires(Permission.ViewStrategy)]
public sealed record GetInsight(string ProductSlug, int InsightId) : IQuery<InsightDetail>, IProductRequest;

public sealed record InsightDetail(InsightView Insight, IReadOnlyList<LinkedRoadmapItem> RoadmapItems)
{
    /// <summary>Whether the caller may change it (the permission table, for the caller's role).</summary>
    public bool CanEdit { get; init; }

    /// <summary>Whether the caller may read its history.</summary>
    public bool CanSeeHistory { get; init; }
}

public sealed record LinkedRoadmapItem(int Id, string Title);

public sealed class GetInsightHandler(AppDbContext db, ProductContext product) : IQueryHandler<GetInsight, InsightDetail>
{
    public async ValueTask<InsightDetail> Handle(GetInsight query, CancellationToken cancellationToken)
    {
        var insight = await db.Insights.AsNoTracking().SingleOrNotFoundAsync(i => i.Id == query.InsightId, cancellationToken);
        var items = await db.RoadmapItemInsights.AsNoTracking().Where(l => l.InsightId == insight.Id)
            .Select(l => new LinkedRoadmapItem(l.RoadmapItemId, l.RoadmapItem!.Title)).ToListAsync(cancellationToken);
        return new InsightDetail(GetInsightsHandler.ToView(insight), items)
        {
            CanEdit = product.Can(Permission.EditStrategy), CanSeeHistory = product.Can(Permission.ViewHistory),
        };
    }
}
