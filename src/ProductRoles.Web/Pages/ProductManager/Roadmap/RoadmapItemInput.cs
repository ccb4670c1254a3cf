using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Roadmap;

namespace ProductRoles.Web.Pages.ProductManager.Roadmap;

public sealed class RoadmapItemInput
{
    public string? Title { get; set; }
    public string? Outcome { get; set; }
    public RoadmapHorizon Horizon { get; set; } = RoadmapHorizon.Later;
    public string? TargetQuarter { get; set; }
    public RoadmapItemStatus Status { get; set; }
    public int? Reach { get; set; }
    public decimal? Impact { get; set; } = 1m;
    public int? Confidence { get; set; }
    public decimal? Effort { get; set; }
    public string? Notes { get; set; }
    public IList<int> GoalIds { get; set; } = [];
    public IList<int> InsightIds { get; set; } = [];
    public int Version { get; set; }

    public SaveRoadmapItem ToCommand(string slug, int id) =>
        new(slug, id, Title ?? "", Outcome, Horizon, TargetQuarter, Status, Reach, Impact, Confidence, Effort, Notes, [.. GoalIds], [.. InsightIds], Version);

    public static RoadmapItemInput From(RoadmapItemDetail item) => new()
    {
        Title = item.Title, Outcome = item.Outcome, Horizon = item.Horizon, TargetQuarter = item.TargetQuarter, Status = item.Status,
        Reach = item.Reach, Impact = item.Impact, Confidence = item.Confidence, Effort = item.Effort, Notes = item.Notes,
        GoalIds = item.Goals.Select(g => g.Id).ToList(), InsightIds = item.Insights.Select(i => i.Id).ToList(), Version = item.Version,
    };
}

public sealed record RoadmapItemForm(RoadmapItemInput Input, RoadmapItemOptions Options);
