using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>Queues a signed test delivery ("ping"), behind whatever the subscription is still owed.</summary>
[Requires(Permission.ManageWebhooks)]
public sealed record PingWebhook(string ProductSlug, int SubscriptionId) : ICommand<Unit>, IProductRequest;

public sealed class PingWebhookHandler(AppDbContext db, WebhookOutbox outbox) : ICommandHandler<PingWebhook, Unit>
{
    public async ValueTask<Unit> Handle(PingWebhook command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrNotFoundAsync(s => s.Id == command.SubscriptionId, cancellationToken);
        if (subscription.State != WebhookSubscriptionState.Active)
        {
            throw new DomainRuleException("", "Enable the webhook before sending it a test delivery.");
        }

        outbox.EnqueuePing(subscription.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
