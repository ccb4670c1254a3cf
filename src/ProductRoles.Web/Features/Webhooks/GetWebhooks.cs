using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Outbox;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>The product's webhook subscriptions, each with its state and how its last delivery went.</summary>
[Requires(Permission.ManageWebhooks)]
public sealed record GetWebhooks(string ProductSlug) : IQuery<IReadOnlyList<WebhookSummary>>, IProductRequest;

public sealed record WebhookSummary(
    int Id, string Url, IReadOnlyList<WebhookEvent> Events, WebhookSubscriptionState State, string? DisabledReason, DateTime? DisabledAt,
    string OwnerName, int Queued, WebhookLastAttempt? LastAttempt);

public sealed record WebhookLastAttempt(DateTime At, int? StatusCode, bool Succeeded);

public sealed class GetWebhooksHandler(AppDbContext db) : IQueryHandler<GetWebhooks, IReadOnlyList<WebhookSummary>>
{
    public async ValueTask<IReadOnlyList<WebhookSummary>> Handle(GetWebhooks query, CancellationToken cancellationToken)
    {
        var rows = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Id,
                s.Url,
                s.Events,
                s.State,
                s.DisabledReason,
                s.DisabledAt,
                Owner = db.Set<Domain.UserProfile>().Where(u => u.Id == s.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(),
                Last = db.WebhookDeliveryAttempts.Where(a => a.SubscriptionId == s.Id).OrderByDescending(a => a.Id)
                    .Select(a => new WebhookLastAttempt(a.AttemptedAt, a.StatusCode, a.Succeeded)).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var partitions = rows.Select(r => WebhookOutbox.Partition(r.Id)).ToList();
        // The outbox is no product's: these partitions are this product's subscriptions.
#pragma warning disable MA0002 // EF turns Contains into IN (…); an overload with a comparer would not translate
        var queued = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == WebhookOutbox.Kind && partitions.Contains(m.Partition) && m.State != OutboxMessageState.Delivered)
            .GroupBy(m => m.Partition).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
#pragma warning restore MA0002
        return [.. rows.Select(r => new WebhookSummary(r.Id, r.Url, WebhookEvents.Parse(r.Events), r.State, r.DisabledReason, r.DisabledAt,
            r.Owner ?? "a former member", queued.GetValueOrDefault(WebhookOutbox.Partition(r.Id)), r.Last))];
    }
}
