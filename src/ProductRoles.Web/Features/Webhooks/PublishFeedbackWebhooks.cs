using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>Customer feedback arriving in the inbox, as a webhook delivery in the same transaction.</summary>
public sealed class PublishFeedbackWebhooks(AppDbContext db, ProductContext product, WebhookOutbox outbox)
    : IDomainEventHandler<CustomerFeedbackReceived>
{
    public async Task HandleAsync(CustomerFeedbackReceived domainEvent, CancellationToken cancellationToken) =>
        await outbox.EnqueueAsync(WebhookEvent.FeedbackReceived, async () => new
        {
            feedback = await WebhookData.FeedbackAsync(db, product.Slug, domainEvent.FeedbackItemId, cancellationToken),
            actor = await WebhookData.ActorAsync(db, domainEvent.ActorId, cancellationToken),
        }, cancellationToken);
}
