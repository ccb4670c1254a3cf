using System.ComponentModel.DataAnnotations;

namespace ProductRoles.Web.Domain.Webhooks;

public enum WebhookSubscriptionState
{
    [Display(Name = "Active")]
    Active,

    [Display(Name = "Disabled")]
    Disabled,
}

/// <summary>
/// A URL outside the app that a product manager or product owner wants told about chosen events, with
/// the secret its deliveries are signed with. Its owner is the member who subscribed: deliveries carry
/// only what the owner's role may read.
/// </summary>
public sealed class WebhookSubscription : IProductOwned, IAudited, IVersioned
{
    public const int UrlMaxLength = 500;
    public const int DisabledReasonMaxLength = 300;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public required string Url { get; set; }

    /// <summary>The chosen events (<see cref="WebhookEvents.Format"/>).</summary>
    public required string Events { get; set; }

    /// <summary>The signing secret, encrypted with Data Protection; never shown again after it was made.</summary>
    [NotAudited]
    public required string ProtectedSecret { get; set; }

    public required string OwnerUserId { get; set; }
    public WebhookSubscriptionState State { get; set; }

    /// <summary>Why it was disabled, in words: by whom, or after which failures. The owner sees it on the webhooks page.</summary>
    public string? DisabledReason { get; set; }

    public DateTime? DisabledAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => Url;

    public IReadOnlyList<WebhookEvent> ChosenEvents => WebhookEvents.Parse(Events);

    public bool Wants(WebhookEvent webhookEvent) => State == WebhookSubscriptionState.Active && ChosenEvents.Contains(webhookEvent);

    public void Choose(IReadOnlyCollection<WebhookEvent> events)
    {
        if (events.Count == 0)
        {
            throw new DomainRuleException(nameof(Events), "Choose at least one event.");
        }

        Events = WebhookEvents.Format(events);
    }

    public void Disable(string reason, DateTime now)
    {
        if (State == WebhookSubscriptionState.Disabled)
        {
            throw new DomainRuleException("", "This webhook is already disabled.");
        }

        State = WebhookSubscriptionState.Disabled;
        DisabledReason = reason.Length > DisabledReasonMaxLength ? reason[..DisabledReasonMaxLength] : reason;
        DisabledAt = now;
    }

    public void Enable()
    {
        if (State == WebhookSubscriptionState.Active)
        {
            throw new DomainRuleException("", "This webhook is already active.");
        }

        State = WebhookSubscriptionState.Active;
        DisabledReason = null;
        DisabledAt = null;
    }
}

/// <summary>One try at delivering one message to a subscription: the delivery log.</summary>
public sealed class WebhookDeliveryAttempt
{
    public const int ResponseExcerptMaxLength = 1000;
    public const int ErrorMaxLength = 500;
    public const int EventMaxLength = 40;

    public long Id { get; set; }
    public int SubscriptionId { get; set; }
    public WebhookSubscription? Subscription { get; set; }

    /// <summary>The outbox message this was a try at (redelivery sends it again).</summary>
    public long OutboxMessageId { get; set; }

    /// <summary>The delivery's id, as the receiver sees it (the same on every try and every redelivery).</summary>
    public Guid DeliveryId { get; set; }

    public required string Event { get; set; }
    public DateTime AttemptedAt { get; set; }
    public int? StatusCode { get; set; }
    public int DurationMs { get; set; }
    public bool Succeeded { get; set; }

    /// <summary>The start of what the receiver answered, cut to <see cref="ResponseExcerptMaxLength"/>.</summary>
    public string? ResponseExcerpt { get; set; }

    /// <summary>Why no answer came (refused target, timeout, connection error).</summary>
    public string? Error { get; set; }
}
