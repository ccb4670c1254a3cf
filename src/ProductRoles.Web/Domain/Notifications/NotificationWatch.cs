using System.ComponentModel.DataAnnotations;

namespace ProductRoles.Web.Domain.Notifications;

/// <summary>What can be watched.</summary>
public enum WatchSubject
{
    [Display(Name = "A watched backlog item")]
    BacklogItem,

    [Display(Name = "A watched roadmap item")]
    RoadmapItem,

    [Display(Name = "A watched sprint review")]
    SprintReview,

    /// <summary>Feedback a member gave on a sprint review: its giver hears what became of it.</summary>
    [Display(Name = "Feedback given on a review")]
    CustomerFeedback,
}

/// <summary>
/// A member follows one thing: they are told when it changes. Made when they create it, comment on it or
/// are assigned to it, or by the Watch button; the Unwatch button removes it.
/// </summary>
public sealed class NotificationWatch : IProductOwned
{
    public long Id { get; set; }
    public int ProductId { get; set; }
    public required string UserId { get; set; }
    public WatchSubject Subject { get; set; }
    public int SubjectId { get; set; }
    public DateTime CreatedAt { get; set; }

    public static string Key(WatchSubject subject, int id) => subject switch
    {
        WatchSubject.BacklogItem => $"backlog-item:{id}",
        WatchSubject.RoadmapItem => $"roadmap-item:{id}",
        WatchSubject.SprintReview => $"sprint-review:{id}",
        _ => $"feedback:{id}",
    };
}
