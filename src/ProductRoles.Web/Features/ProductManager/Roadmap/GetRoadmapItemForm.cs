using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Roadmap;

/// <summary>What the roadmap item form offers to link: the product's active goals and its insights.</summary>
[Requires(Permission.EditStrategy)]
public sealed record GetRoadmapItemOptions(string ProductSlug) : IQuery<RoadmapItemOptions>, IProductRequest;

public sealed record RoadmapItemOptions(IReadOnlyList<LinkedGoal> Goals, IReadOnlyList<LinkedInsight> Insights);

public sealed class GetRoadmapItemOptionsHandler(AppDbContext db)
    : IQueryHandler<GetRoadmapItemOptions, RoadmapItemOptions>
{
    public async ValueTask<RoadmapItemOptions> Handle(GetRoadmapItemOptions query, CancellationToken cancellationToken)
    {
        var goals = await db.Goals.AsNoTracking().Where(g => !g.IsArchived).OrderBy(g => g.Title)
            .Select(g => new LinkedGoal(g.Id, g.Title)).ToListAsync(cancellationToken);
        var insights = await db.Insights.AsNoTracking()
            .OrderByDescending(i => i.ObservedOn).Select(i => new LinkedInsight(i.Id, i.Kind, i.Title)).ToListAsync(cancellationToken);
        return new RoadmapItemOptions(goals, insights);
    }
}
