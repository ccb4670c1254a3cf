using System.ComponentModel.DataAnnotations;

namespace ProductRoles.Web.Domain.Webhooks;

/// <summary>What a webhook subscription can be told about. Stored by name; the wire name is <see cref="WebhookEvents.WireName"/>.</summary>
public enum WebhookEvent
{
    [Display(Name = "A backlog item is created")]
    BacklogItemCreated,

    [Display(Name = "A backlog item changes")]
    BacklogItemChanged,

    [Display(Name = "A backlog item moves")]
    BacklogItemMoved,

    [Display(Name = "A backlog item is done")]
    BacklogItemDone,

    [Display(Name = "Customer feedback arrives")]
    FeedbackReceived,

    [Display(Name = "The roadmap is published")]
    RoadmapPublished,

    [Display(Name = "A sprint is started")]
    SprintStarted,

    [Display(Name = "A sprint is closed")]
    SprintClosed,

    [Display(Name = "A sprint review is ready")]
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
