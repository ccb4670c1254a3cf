using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Roadmap;

/// <summary>The roadmap by target quarter, earliest first; items without a quarter come last.</summary>
[Requires(Permission.ViewStrategy)]
public sealed record GetRoadmapTimeline(string ProductSlug) : IQuery<IReadOnlyList<TimelineQuarter>>, IProductRequest;

/// <param name="Quarter">e.g. "2027-Q1", or null for items not tied to a quarter.</param>
public sealed record TimelineQuarter(string? Quarter, IReadOnlyList<RoadmapCard> Items);

public sealed class GetRoadmapTimelineHandler(AppDbContext db)
    : IQueryHandler<GetRoadmapTimeline, IReadOnlyList<TimelineQuarter>>
{
    public async ValueTask<IReadOnlyList<TimelineQuarter>> Handle(GetRoadmapTimeline query, CancellationToken cancellationToken)
    {
        var items = await RoadmapQueries.Cards(db, cancellationToken);
        return items.GroupBy(i => i.Card.TargetQuarter, StringComparer.Ordinal)
            .OrderBy(g => g.Key is null ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TimelineQuarter(g.Key, g.OrderBy(i => i.Card.Horizon).ThenBy(i => i.Rank, StringComparer.Ordinal)
                .Select(i => i.Card).ToList()))
            .ToList();
    }
}
