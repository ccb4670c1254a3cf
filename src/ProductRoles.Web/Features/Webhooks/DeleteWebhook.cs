using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>Removes a subscription with its delivery log and whatever was still queued for it.</summary>
[Requires(Permission.ManageWebhooks)]
public sealed record DeleteWebhook(string ProductSlug, int SubscriptionId) : ICommand<Unit>, IProductRequest;

public sealed class DeleteWebhookHandler(AppDbContext db) : ICommandHandler<DeleteWebhook, Unit>
{
    public async ValueTask<Unit> Handle(DeleteWebhook command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrNotFoundAsync(s => s.Id == command.SubscriptionId, cancellationToken);
        await WebhookQueue.DeleteAsync(db, subscription.Id, cancellationToken);
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
