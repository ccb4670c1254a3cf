using ProductRoles.Web.Domain.Roadmap;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

using ProductRoles.Web.Features.ProductManager.Delivery;

namespace ProductRoles.Web.Features.ProductManager.Roadmap;

/// <summary>The roadmap by target quarter, earliest first; items without a quarter come last.</summary>
[Requires(Permission.ViewStrategy)]
public sealed record GetRoadmapTimeline(string ProductSlug) : IQuery<IReadOnlyList<TimelineQuarter>>, IProductRequest;

/// <param name="Quarter">e.g. "2027-Q1", or null for items not tied to a quarter.</param>
public sealed record TimelineQuarter(string? Quarter, IReadOnlyList<TimelineEntry> Items);

/// <summary>A roadmap item on the timeline, with when its remaining work is likely done and how that sits against its quarter.</summary>
public sealed record TimelineEntry(RoadmapCard Card, Forecast? Forecast, QuarterFit? Fit);

public sealed class GetRoadmapTimelineHandler(AppDbContext db, TimeProvider clock)
    : IQueryHandler<GetRoadmapTimeline, IReadOnlyList<TimelineQuarter>>
{
    public async ValueTask<IReadOnlyList<TimelineQuarter>> Handle(GetRoadmapTimeline query, CancellationToken cancellationToken)
    {
        var items = await RoadmapQueries.Cards(db, cancellationToken);
        var outlook = await DeliveryQueries.OutlookAsync(db, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), null, cancellationToken);
        var ahead = outlook.Velocity is null
            ? new Dictionary<int, (int PointsAhead, int UnestimatedAhead)>()
            : DeliveryForecast.WorkAhead(await DeliveryQueries.RemainingBacklogAsync(db, cancellationToken));
        TimelineEntry Entry(RoadmapCard card)
        {
            // A done or dropped item is not forecast, whatever stories are still linked to it.
            var open = card.Status is RoadmapItemStatus.Planned or RoadmapItemStatus.InProgress;
            var forecast = open && ahead.TryGetValue(card.Id, out var work)
                ? DeliveryForecast.For(work.PointsAhead, work.UnestimatedAhead, outlook.Velocity, outlook.Calendar)
                : null;
            return new TimelineEntry(card, forecast, forecast?.Against(card.TargetQuarter));
        }

        return items.GroupBy(i => i.Card.TargetQuarter, StringComparer.Ordinal)
            .OrderBy(g => g.Key is null ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TimelineQuarter(g.Key, g.OrderBy(i => i.Card.Horizon).ThenBy(i => i.Rank, StringComparer.Ordinal)
                .Select(i => Entry(i.Card)).ToList()))
            .ToList();
    }
}
