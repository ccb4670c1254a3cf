using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Outbox;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>A subscription's messages in the outbox, paused and resumed together so that their order holds.</summary>
public static class WebhookQueue
{
    /// <summary>Keeps every undelivered message of the subscription, in order, until it is resumed.</summary>
    public static Task<int> HoldAsync(AppDbContext db, int subscriptionId, CancellationToken cancellationToken)
    {
        var partition = WebhookOutbox.Partition(subscriptionId);
        return db.OutboxMessages.Where(m => m.Kind == WebhookOutbox.Kind && m.Partition == partition && m.State == OutboxMessageState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxMessageState.Held), cancellationToken);
    }

    /// <summary>Sends what was held from now on, oldest first, with a fresh day of retries.</summary>
    public static Task<int> ResumeAsync(AppDbContext db, int subscriptionId, DateTime now, CancellationToken cancellationToken)
    {
        var partition = WebhookOutbox.Partition(subscriptionId);
        return db.OutboxMessages.Where(m => m.Kind == WebhookOutbox.Kind && m.Partition == partition && m.State == OutboxMessageState.Held)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxMessageState.Pending)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.FirstAttemptAt, (DateTime?)null)
                .SetProperty(m => m.Attempts, 0), cancellationToken);
    }

    public static Task<int> DeleteAsync(AppDbContext db, int subscriptionId, CancellationToken cancellationToken)
    {
        var partition = WebhookOutbox.Partition(subscriptionId);
        return db.OutboxMessages.Where(m => m.Kind == WebhookOutbox.Kind && m.Partition == partition)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
