using System.ComponentModel.DataAnnotations;

namespace ProductRoles.Web.Domain.Notifications;

/// <summary>What a notification is about; each kind has its own channel in the preferences.</summary>
public enum NotificationKind
{
    [Display(Name = "Mentions of you")]
    Mention,

    [Display(Name = "Tasks assigned to you")]
    TaskAssigned,

    [Display(Name = "Feedback on roadmap items you own or watch")]
    RoadmapFeedback,

    [Display(Name = "Answers to your roadmap feedback")]
    RoadmapFeedbackAnswered,

    [Display(Name = "New customer feedback")]
    CustomerFeedback,

    [Display(Name = "What became of your feedback")]
    YourFeedbackTriaged,

    [Display(Name = "Changes to what you watch")]
    WatchedChanged,

    [Display(Name = "Sprints starting and closing")]
    Sprint,

    [Display(Name = "Sprint reviews ready")]
    SprintReviewReady,

    [Display(Name = "The roadmap being published")]
    RoadmapPublished,

    [Display(Name = "Webhooks disabled after failures")]
    WebhookDisabled,
}

/// <summary>
/// One thing a member is told about, in their inbox: what happened (<see cref="Text"/>, already in words
/// the recipient's role may read), where it happened (<see cref="Url"/>, with the anchor of the exact
/// place), and whether it was read. Several changes to one subject within a few minutes are one
/// notification whose <see cref="Count"/> grows ("3 changes to #12").
/// </summary>
public sealed class Notification : IProductOwned
{
    public const int SubjectMaxLength = 60;
    public const int SubjectLabelMaxLength = 240;
    public const int TextMaxLength = 600;
    public const int UrlMaxLength = 300;
    public const int AudienceMaxLength = 40;

    /// <summary>Changes to one subject this close together become one notification.</summary>
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromMinutes(5);

    public long Id { get; set; }
    public required string UserId { get; set; }
    public int ProductId { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>What it is about, as a key ("backlog-item:12"): changes to one subject coalesce.</summary>
    public required string Subject { get; set; }

    /// <summary>The subject in words ("#12 “Pay with a wallet”"), for "3 changes to …".</summary>
    public required string SubjectLabel { get; set; }

    public required string Text { get; set; }
    public required string Url { get; set; }

    /// <summary>The permission (by name) a role needs to read this: a member whose role changes loses what it no longer allows.</summary>
    public required string Audience { get; set; }

    public int Count { get; set; } = 1;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ReadAt { get; set; }

    /// <summary>What the inbox shows: the text, or "3 changes to #12 …" once several changes were coalesced.</summary>
    public static string Shown(string text, string subjectLabel, int count) =>
        count > 1 ? $"{count} changes to {subjectLabel}" : text;

    public static string Cut(string text, int max) => text.Length > max ? text[..(max - 1)] + "…" : text;
}
