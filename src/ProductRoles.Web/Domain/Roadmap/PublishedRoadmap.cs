namespace ProductRoles.Web.Domain.Roadmap;

/// <summary>
/// A snapshot of the roadmap taken when the product manager publishes it. Stakeholders read the
/// latest snapshot, so later draft edits stay private until the next publish.
/// </summary>
public sealed class PublishedRoadmap : IAudited, IProductOwned
{
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public DateTime PublishedAt { get; set; }
    public required string PublishedBy { get; set; }
    public string? Note { get; set; }

    public List<PublishedRoadmapItem> Items { get; } = [];

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => "Published roadmap";
}

/// <summary>What stakeholders see of one item: heading, outcome, horizon, quarter, status. No scores, no notes.</summary>
public sealed class PublishedRoadmapItem
{
    public int Id { get; set; }
    public int PublishedRoadmapId { get; set; }
    public PublishedRoadmap? PublishedRoadmap { get; set; }
    public int RoadmapItemId { get; set; }
    public required string Title { get; set; }
    public string Outcome { get; set; } = string.Empty;
    public RoadmapHorizon Horizon { get; set; }
    public string? TargetQuarter { get; set; }
    public RoadmapItemStatus Status { get; set; }
    public int Position { get; set; }
}
