namespace ProductRoles.Web.Domain.Sprints;

/// <summary>
/// The sprint review of a closed sprint: whether the goal was met (the product owner records it) and
/// the review notes. The increment, what was not done and the roadmap chain are read from the sprint.
/// </summary>
public sealed class SprintReview : IVersioned, IAudited, IProductOwned
{
    public const int NotesMaxLength = 8000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public int SprintId { get; set; }
    public Sprint? Sprint { get; set; }

    /// <summary>Null until the product owner records it.</summary>
    public bool? GoalMet { get; set; }

    /// <summary>Markdown.</summary>
    public string? Notes { get; set; }

    public int Version { get; set; }

    /// <summary>When the product owner last recorded the outcome: a stakeholder's home lists reviews recorded since their last visit.</summary>
    [NotAudited]
    public DateTime? RecordedAt { get; set; }

    public List<SprintReviewFeedback> Feedback { get; } = [];

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => "Sprint review of " + (Sprint?.Name ?? "sprint " + SprintId);
}

/// <summary>Links stakeholder feedback given on a sprint review to the feedback item in the product owner's inbox.</summary>
public sealed class SprintReviewFeedback
{
    public int SprintReviewId { get; set; }
    public SprintReview? SprintReview { get; set; }
    public int FeedbackItemId { get; set; }
    public Feedback.FeedbackItem? FeedbackItem { get; set; }
}
