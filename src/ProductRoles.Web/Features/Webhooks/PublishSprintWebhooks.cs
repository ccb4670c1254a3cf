using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>Sprints starting and closing, and their reviews being ready, as webhook deliveries in the same transaction.</summary>
public sealed class PublishSprintWebhooks(AppDbContext db, ProductContext product, WebhookOutbox outbox)
    : IDomainEventHandler<SprintStarted>, IDomainEventHandler<SprintClosed>, IDomainEventHandler<SprintReviewReady>
{
    public async Task HandleAsync(SprintStarted domainEvent, CancellationToken cancellationToken) =>
        await outbox.EnqueueAsync(WebhookEvent.SprintStarted, async () => new
        {
            sprint = await WebhookData.SprintAsync(db, product.Slug, domainEvent.SprintId, cancellationToken),
            actor = await WebhookData.ActorAsync(db, domainEvent.ActorId, cancellationToken),
        }, cancellationToken);

    public async Task HandleAsync(SprintClosed domainEvent, CancellationToken cancellationToken) =>
        await outbox.EnqueueAsync(WebhookEvent.SprintClosed, async () => new
        {
            sprint = await WebhookData.SprintAsync(db, product.Slug, domainEvent.SprintId, cancellationToken),
            unfinishedBacklogItemIds = domainEvent.UnfinishedBacklogItemIds,
            nextSprintId = domainEvent.NextSprintId,
            actor = await WebhookData.ActorAsync(db, domainEvent.ActorId, cancellationToken),
        }, cancellationToken);

    public async Task HandleAsync(SprintReviewReady domainEvent, CancellationToken cancellationToken) =>
        await outbox.EnqueueAsync(WebhookEvent.SprintReviewReady, async () => new
        {
            sprint = await WebhookData.SprintAsync(db, product.Slug, domainEvent.SprintId, cancellationToken),
            review = new { path = $"/p/{product.Slug}/sprints/{domainEvent.SprintId}/review" },
            actor = await WebhookData.ActorAsync(db, domainEvent.ActorId, cancellationToken),
        }, cancellationToken);
}
