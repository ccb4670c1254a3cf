using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Roadmap;

namespace ProductRoles.Tests.Infrastructure.TestData;

/// <summary>A roadmap item the product manager adds at the end of a horizon (Later by default).</summary>
public sealed class RoadmapItemBuilder(TestProduct product, string title)
{
    private SaveRoadmapItem _item = new(product.Slug, 0, title, "Outcome", RoadmapHorizon.Later, null, RoadmapItemStatus.Planned,
        10, 1, 50, 1, null, [], [], 0);

    public RoadmapItemBuilder In(RoadmapHorizon horizon) => With(_item with { Horizon = horizon });

    public RoadmapItemBuilder Status(RoadmapItemStatus status) => With(_item with { Status = status });

    public RoadmapItemBuilder Outcome(string outcome) => With(_item with { Outcome = outcome });

    public RoadmapItemBuilder Quarter(string quarter) => With(_item with { TargetQuarter = quarter });

    public RoadmapItemBuilder Rice(int reach, decimal impact, int confidence, decimal effort) =>
        With(_item with { Reach = reach, Impact = impact, Confidence = confidence, Effort = effort });

    public RoadmapItemBuilder Notes(string notes) => With(_item with { Notes = notes });

    public RoadmapItemBuilder ForGoals(params int[] goalIds) => With(_item with { GoalIds = goalIds });

    public RoadmapItemBuilder FromInsights(params int[] insightIds) => With(_item with { InsightIds = insightIds });

    public Task<int> CreateAsync() => product.SendAsync(DemoUsers.Pm, _item);

    private RoadmapItemBuilder With(SaveRoadmapItem item)
    {
        _item = item;
        return this;
    }
}
