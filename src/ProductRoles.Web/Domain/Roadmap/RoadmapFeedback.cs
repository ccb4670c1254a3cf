using System.ComponentModel.DataAnnotations;

namespace ProductRoles.Web.Domain.Roadmap;

public enum RoadmapFeedbackKind
{
    [Display(Name = "Feasibility")]
    Feasibility,
    [Display(Name = "Customer concern")]
    CustomerConcern,
    [Display(Name = "Dependency")]
    Dependency,
    [Display(Name = "Risk")]
    Risk,
}

public enum RoadmapFeedbackStatus
{
    [Display(Name = "Open")]
    Open,
    [Display(Name = "Accepted")]
    Accepted,
    [Display(Name = "Declined")]
    Declined,
    [Display(Name = "Answered")]
    Answered,
}

/// <summary>Where feedback was given: by the team on the roadmap item, or by a stakeholder on the published roadmap.</summary>
public enum RoadmapFeedbackOrigin
{
    [Display(Name = "Team")]
    Team,
    [Display(Name = "Asked on the published roadmap")]
    PublishedRoadmap,
}

/// <summary>
/// Constructive feedback about the roadmap: a team member's typed remark on one item, which the
/// product manager answers and resolves.
/// </summary>
public sealed class RoadmapFeedback : IVersioned, IAudited, IProductOwned
{
    public const int BodyMaxLength = 4000;
    public const int AnswerMaxLength = 4000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public int RoadmapItemId { get; set; }
    public RoadmapItem? RoadmapItem { get; set; }
    public RoadmapFeedbackKind Kind { get; set; }
    public required string Body { get; set; }
    public required string AuthorName { get; set; }
    public string? AuthorId { get; set; }
    public DateTime CreatedAt { get; set; }
    public RoadmapFeedbackStatus Status { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public int Version { get; set; }

    /// <summary>A stakeholder's question or concern from the published roadmap is typed as a customer concern and shown back to its asker with the answer.</summary>
    public RoadmapFeedbackOrigin Origin { get; set; }

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => $"Feedback ({Kind}) by {AuthorName}";
}
