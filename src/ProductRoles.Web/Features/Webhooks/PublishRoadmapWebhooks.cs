using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>The roadmap being published, as a webhook delivery in the same transaction: what stakeholders now see.</summary>
public sealed class PublishRoadmapWebhooks(AppDbContext db, ProductContext product, WebhookOutbox outbox)
    : IDomainEventHandler<RoadmapPublished>
{
    public async Task HandleAsync(RoadmapPublished domainEvent, CancellationToken cancellationToken) =>
        await outbox.EnqueueAsync(WebhookEvent.RoadmapPublished, async () => new
        {
            roadmap = await db.PublishedRoadmaps.AsNoTracking().Where(p => p.Id == domainEvent.PublishedRoadmapId)
                .Select(p => new { p.Id, path = $"/p/{product.Slug}/roadmap/published", p.PublishedAt, p.Note, domainEvent.ItemCount })
                .SingleAsync(cancellationToken),
            actor = await WebhookData.ActorAsync(db, domainEvent.ActorId, cancellationToken),
        }, cancellationToken);
}
