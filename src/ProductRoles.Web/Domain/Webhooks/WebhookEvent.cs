using System.ComponentModel.DataAnnotations;

namespace ProductRoles.Web.Domain.Webhooks;

/// <summary>What a webhook subscription can be told about. Stored by name; the wire name is <see cref="WebhookEvents.WireName"/>.</summary>
public enum WebhookEvent
{
    [Display(Name = "Backlog item created")]
    BacklogItemCreated,

    [Display(Name = "Backlog item changed")]
    BacklogItemChanged,

    [Display(Name = "Backlog item moved")]
    BacklogItemMoved,

    [Display(Name = "Backlog item done")]
    BacklogItemDone,

    [Display(Name = "Customer feedback received")]
    FeedbackReceived,

    [Display(Name = "Roadmap published")]
    RoadmapPublished,

    [Display(Name = "Sprint started")]
    SprintStarted,

    [Display(Name = "Sprint closed")]
    SprintClosed,

    [Display(Name = "Sprint review ready")]
    SprintReviewReady,
}

public static class WebhookEvents
{
    /// <summary>The event a test ping carries; no subscription chooses it.</summary>
    public const string PingWireName = "ping";

    public static IReadOnlyList<WebhookEvent> All { get; } = Enum.GetValues<WebhookEvent>();

    /// <summary>"backlog_item.created": the name in a delivery's <c>event</c> field and its X-ProductRoles-Event header.</summary>
    public static string WireName(WebhookEvent webhookEvent) => webhookEvent switch
    {
        WebhookEvent.BacklogItemCreated => "backlog_item.created",
        WebhookEvent.BacklogItemChanged => "backlog_item.changed",
        WebhookEvent.BacklogItemMoved => "backlog_item.moved",
        WebhookEvent.BacklogItemDone => "backlog_item.done",
        WebhookEvent.FeedbackReceived => "feedback.received",
        WebhookEvent.RoadmapPublished => "roadmap.published",
        WebhookEvent.SprintStarted => "sprint.started",
        WebhookEvent.SprintClosed => "sprint.closed",
        WebhookEvent.SprintReviewReady => "sprint_review.ready",
        _ => throw new ArgumentOutOfRangeException(nameof(webhookEvent), webhookEvent, "Unknown webhook event."),
    };

    /// <summary>The stored form of a set of events: their names, comma-separated, in the enum's order.</summary>
    public static string Format(IEnumerable<WebhookEvent> events) =>
        string.Join(",", events.Distinct().Order().Select(e => e.ToString()));

    public static IReadOnlyList<WebhookEvent> Parse(string? stored) =>
        string.IsNullOrEmpty(stored)
            ? []
            : [.. stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => Enum.TryParse<WebhookEvent>(n, out var e) ? (WebhookEvent?)e : null)
                .OfType<WebhookEvent>()];
}
