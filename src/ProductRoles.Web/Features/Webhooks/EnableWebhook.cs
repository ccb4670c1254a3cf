using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Outbox;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>
/// Starts deliveries again: first what was held when it was disabled (the delivery that kept failing
/// included), oldest first, then whatever happens next.
/// </summary>
[Requires(Permission.ManageWebhooks)]
public sealed record EnableWebhook(string ProductSlug, int SubscriptionId) : ICommand<Unit>, IProductRequest;

public sealed class EnableWebhookHandler(AppDbContext db, TimeProvider clock, OutboxSignal signal) : ICommandHandler<EnableWebhook, Unit>
{
    public async ValueTask<Unit> Handle(EnableWebhook command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrNotFoundAsync(s => s.Id == command.SubscriptionId, cancellationToken);
        subscription.Enable();
        await db.SaveChangesAsync(cancellationToken);
        await WebhookQueue.ResumeAsync(db, subscription.Id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        signal.Notify();
        return Unit.Value;
    }
}
