using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Outbox;

namespace ProductRoles.Web.Infrastructure.Outbox;

/// <summary>How one try went, as the kind's delivery saw it.</summary>
public enum OutboxAttemptOutcome
{
    /// <summary>The receiver took it: the next message of the partition may go.</summary>
    Delivered,

    /// <summary>Try again later, with backoff, until the kind's retry window has passed.</summary>
    Failed,

    /// <summary>There is nothing to deliver it to any more (the webhook was deleted): forget it.</summary>
    Dropped,

    /// <summary>The partition is paused (a disabled webhook): keep it, and what follows it, until resumed.</summary>
    Held,
}

public sealed record OutboxAttempt(OutboxAttemptOutcome Outcome, string? Error = null)
{
    public static readonly OutboxAttempt Delivered = new(OutboxAttemptOutcome.Delivered);
    public static readonly OutboxAttempt Dropped = new(OutboxAttemptOutcome.Dropped);
    public static readonly OutboxAttempt Held = new(OutboxAttemptOutcome.Held);

    public static OutboxAttempt Failed(string error) => new(OutboxAttemptOutcome.Failed, error);
}

/// <summary>
/// What sending a message of one <see cref="OutboxMessage.Kind"/> means (an HTTP POST for webhooks, later
/// SMTP for mail). The <see cref="OutboxSender"/> decides when, in what order, how often and on which
/// instance; a delivery only tries once and says how it went. Scoped: it may add rows to the context (its
/// log), which the sender saves together with the message's new state.
/// </summary>
public interface IOutboxDelivery
{
    string Kind { get; }

    /// <summary>How long after the first failed try the sender keeps retrying, before <see cref="GiveUpAsync"/>.</summary>
    TimeSpan RetryWindow { get; }

    Task<OutboxAttempt> DeliverAsync(AppDbContext db, OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// The retry window has passed. The delivery decides what happens to the partition (webhooks: the
    /// subscription is disabled and its messages held, so nothing is lost or sent out of order).
    /// </summary>
    Task GiveUpAsync(AppDbContext db, OutboxMessage message, DateTime now, CancellationToken cancellationToken);
}
