using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>Backlog items created, changed, moved and done, as webhook deliveries in the same transaction.</summary>
public sealed class PublishBacklogWebhooks(AppDbContext db, ProductContext product, WebhookOutbox outbox)
    : IDomainEventHandler<BacklogItemCreated>, IDomainEventHandler<BacklogItemChanged>, IDomainEventHandler<BacklogItemMoved>,
      IDomainEventHandler<BacklogItemMarkedDone>, IDomainEventHandler<BacklogItemsImported>
{
    /// <summary>An import batch: each item it created as <c>backlog_item.created</c>, each it updated as <c>backlog_item.changed</c>, with the import's id.</summary>
    public async Task HandleAsync(BacklogItemsImported domainEvent, CancellationToken cancellationToken)
    {
        var actor = await WebhookData.ActorAsync(db, domainEvent.ActorId, cancellationToken);
        foreach (var id in domainEvent.CreatedIds)
        {
            await outbox.EnqueueAsync(WebhookEvent.BacklogItemCreated, async () => new
            {
                backlogItem = await WebhookData.BacklogItemAsync(db, product.Slug, id, cancellationToken),
                fromFeedbackId = (int?)null,
                importId = domainEvent.ImportId,
                actor,
            }, cancellationToken);
        }

        foreach (var id in domainEvent.UpdatedIds)
        {
            await outbox.EnqueueAsync(WebhookEvent.BacklogItemChanged, async () => new
            {
                backlogItem = await WebhookData.BacklogItemAsync(db, product.Slug, id, cancellationToken),
                changes = Array.Empty<object>(),
                importId = domainEvent.ImportId,
                actor,
            }, cancellationToken);
        }
    }

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
