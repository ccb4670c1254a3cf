using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>Backlog items created, changed, moved and done, as webhook deliveries in the same transaction.</summary>
public sealed class PublishBacklogWebhooks(AppDbContext db, ProductContext product, WebhookOutbox outbox)
    : IDomainEventHandler<BacklogItemCreated>, IDomainEventHandler<BacklogItemChanged>, IDomainEventHandler<BacklogItemMoved>,
      IDomainEventHandler<BacklogItemMarkedDone>
{
    public async Task HandleAsync(BacklogItemCreated domainEvent, CancellationToken cancellationToken) =>
        await outbox.EnqueueAsync(WebhookEvent.BacklogItemCreated, async () => new
        {
            backlogItem = await WebhookData.BacklogItemAsync(db, product.Slug, domainEvent.BacklogItemId, cancellationToken),
            fromFeedbackId = domainEvent.FromFeedbackId,
            actor = await WebhookData.ActorAsync(db, domainEvent.ActorId, cancellationToken),
        }, cancellationToken);

    public async Task HandleAsync(BacklogItemChanged domainEvent, CancellationToken cancellationToken) =>
        await outbox.EnqueueAsync(WebhookEvent.BacklogItemChanged, async () => new
        {
            backlogItem = await WebhookData.BacklogItemAsync(db, product.Slug, domainEvent.BacklogItemId, cancellationToken),
            changes = domainEvent.Changes,
            actor = await WebhookData.ActorAsync(db, domainEvent.ActorId, cancellationToken),
        }, cancellationToken);

    public async Task HandleAsync(BacklogItemMoved domainEvent, CancellationToken cancellationToken) =>
        await outbox.EnqueueAsync(WebhookEvent.BacklogItemMoved, async () => new
        {
            backlogItem = await WebhookData.BacklogItemAsync(db, product.Slug, domainEvent.BacklogItemId, cancellationToken),
            fromPosition = domainEvent.From,
            toPosition = domainEvent.To,
            actor = await WebhookData.ActorAsync(db, domainEvent.ActorId, cancellationToken),
        }, cancellationToken);

    public async Task HandleAsync(BacklogItemMarkedDone domainEvent, CancellationToken cancellationToken) =>
        await outbox.EnqueueAsync(WebhookEvent.BacklogItemDone, async () => new
        {
            backlogItem = await WebhookData.BacklogItemAsync(db, product.Slug, domainEvent.BacklogItemId, cancellationToken),
            definitionOfDoneVersion = domainEvent.DefinitionOfDoneNumber,
            sprintId = domainEvent.SprintId,
            actor = await WebhookData.ActorAsync(db, domainEvent.ActorId, cancellationToken),
        }, cancellationToken);
}
