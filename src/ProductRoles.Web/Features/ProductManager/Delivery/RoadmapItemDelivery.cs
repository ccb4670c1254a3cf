using ProductRoles.Web.Domain.Roadmap;

namespace ProductRoles.Web.Features.ProductManager.Delivery;

/// <summary>
/// What became of a roadmap item in delivery: its backlog items in backlog order, their points by
/// stage, the increments that advanced it and when the rest is likely done.
/// </summary>
public sealed record RoadmapItemDelivery(
    IReadOnlyList<DeliveryStory> Stories, DeliveryProgress Progress, IReadOnlyList<AdvancingIncrement> Increments,
    Forecast? Forecast, QuarterFit? QuarterFit, bool HasVelocity)
{
    /// <summary>The done stories by the sprint they were done in, latest sprint first; done outside a sprint last.</summary>
    public IReadOnlyList<IGrouping<string?, DeliveryStory>> DoneBySprint =>
        Stories.Where(s => s.Stage == DeliveryStage.Done)
            .GroupBy(s => s.SprintName, StringComparer.Ordinal)
            .OrderBy(g => g.Key is null ? 1 : 0).ThenByDescending(g => g.Max(s => s.SprintEnd))
            .ToList();

    public IReadOnlyList<DeliveryStory> InSprint => Stories.Where(s => s.Stage == DeliveryStage.InSprint).ToList();

    public IReadOnlyList<DeliveryStory> NotYetPlanned => Stories.Where(s => s.Stage == DeliveryStage.NotYetPlanned).ToList();

    internal static RoadmapItemDelivery From(
        IReadOnlyList<DeliveryStory> stories, DeliveryQueries.SprintOutlook outlook, string? targetQuarter, RoadmapItemStatus status)
    {
        var progress = DeliveryProgress.Of(stories.Select(s => (s.Status, s.Estimate)));
        // A done or dropped item is not forecast, whatever stories are still linked to it.
        var open = status is RoadmapItemStatus.Planned or RoadmapItemStatus.InProgress;
        var forecast = open && stories.Any(s => s.Stage != DeliveryStage.Done)
            ? DeliveryForecast.For(outlook.PointsAhead, outlook.UnestimatedAhead, outlook.Velocity, outlook.Calendar)
            : null;
        return new RoadmapItemDelivery(stories, progress, DeliveryQueries.Increments(stories), forecast, forecast?.Against(targetQuarter),
            outlook.Velocity is not null);
    }
}
