using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>Stops deliveries to a subscription; what is queued waits, in order, until it is enabled again.</summary>
[Requires(Permission.ManageWebhooks)]
public sealed record DisableWebhook(string ProductSlug, int SubscriptionId) : ICommand<Unit>, IProductRequest;

public sealed class DisableWebhookHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<DisableWebhook, Unit>
{
    public async ValueTask<Unit> Handle(DisableWebhook command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrNotFoundAsync(s => s.Id == command.SubscriptionId, cancellationToken);
        subscription.Disable($"Disabled by {user.Name}.", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await WebhookQueue.HoldAsync(db, subscription.Id, cancellationToken);
        return Unit.Value;
    }
}
