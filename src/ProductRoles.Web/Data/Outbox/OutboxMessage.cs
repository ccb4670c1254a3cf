namespace ProductRoles.Web.Data.Outbox;

public enum OutboxMessageState
{
    /// <summary>Waiting to be sent (again) at <see cref="OutboxMessage.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>The receiver took it.</summary>
    Delivered,

    /// <summary>Its partition is paused (a disabled webhook): kept, in order, until it is resumed.</summary>
    Held,
}

/// <summary>
/// Something to send outside the app (a webhook delivery; later an email), written in the same
/// transaction as the change that caused it, so it is sent if and only if the change committed.
/// Messages of one <see cref="Partition"/> go out one at a time in <see cref="Id"/> order; what sending
/// means is the business of the <see cref="Kind"/>'s delivery (see <c>Infrastructure.Outbox</c>).
/// </summary>
public sealed class OutboxMessage
{
    public const int KindMaxLength = 40;
    public const int PartitionMaxLength = 100;
    public const int LastErrorMaxLength = 500;

    public long Id { get; set; }

    /// <summary>Which delivery sends it, e.g. "webhook".</summary>
    public required string Kind { get; set; }

    /// <summary>What orders it: e.g. the webhook subscription's id. Message n+1 waits until n is delivered.</summary>
    public required string Partition { get; set; }

    /// <summary>What the delivery needs, as the kind defines it (a webhook's exact JSON body).</summary>
    public required string Payload { get; set; }

    public DateTime CreatedAt { get; set; }
    public OutboxMessageState State { get; set; }
    public int Attempts { get; set; }

    /// <summary>UTC; not sent before. Backed off after each failed attempt.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>When the current run of attempts began; retries stop a day (the kind's window) after it.</summary>
    public DateTime? FirstAttemptAt { get; set; }

    public DateTime? DeliveredAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>A message due at once, at the end of its partition (ids grow).</summary>
    public static OutboxMessage New(string kind, string partition, string payload, DateTime now) => new()
    {
        Kind = kind,
        Partition = partition,
        Payload = payload,
        CreatedAt = now,
        NextAttemptAt = now,
        State = OutboxMessageState.Pending,
    };
}
