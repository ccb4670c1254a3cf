using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Outbox;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>One subscription with its delivery log, newest first.</summary>
[Requires(Permission.ManageWebhooks)]
public sealed record GetWebhook(string ProductSlug, int SubscriptionId) : IQuery<WebhookDetails>, IProductRequest;

public sealed record WebhookDetails(
    int Id, string Url, IReadOnlyList<WebhookEvent> Events, WebhookSubscriptionState State, string? DisabledReason, DateTime? DisabledAt,
    string OwnerName, DateTime CreatedAt, int Version, int Queued, string? NextError, IReadOnlyList<WebhookAttemptRow> Attempts)
{
    public const int LogSize = 50;

    public bool IsActive => State == WebhookSubscriptionState.Active;
}

/// <param name="Kept">Whether the outbox still holds the delivery's body (it is pruned some days after delivery): only then can it be redelivered.</param>
public sealed record WebhookAttemptRow(long Id, Guid DeliveryId, string Event, DateTime AttemptedAt, int? StatusCode, int DurationMs,
    bool Succeeded, string? ResponseExcerpt, string? Error, bool Kept = true);

public sealed class GetWebhookHandler(AppDbContext db) : IQueryHandler<GetWebhook, WebhookDetails>
{
    public async ValueTask<WebhookDetails> Handle(GetWebhook query, CancellationToken cancellationToken)
    {
        var s = await db.WebhookSubscriptions.AsNoTracking().SingleOrNotFoundAsync(s => s.Id == query.SubscriptionId, cancellationToken);
        var owner = await db.Set<Domain.UserProfile>().Where(u => u.Id == s.OwnerUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var attempts = await db.WebhookDeliveryAttempts.AsNoTracking().Where(a => a.SubscriptionId == s.Id).OrderByDescending(a => a.Id)
            .Take(WebhookDetails.LogSize)
            .Select(a => new WebhookAttemptRow(a.Id, a.DeliveryId, a.Event, a.AttemptedAt, a.StatusCode, a.DurationMs, a.Succeeded,
                a.ResponseExcerpt, a.Error, db.OutboxMessages.Any(m => m.Id == a.OutboxMessageId)))
            .ToListAsync(cancellationToken);
        var partition = WebhookOutbox.Partition(s.Id);
        var queued = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == WebhookOutbox.Kind && m.Partition == partition && m.State != OutboxMessageState.Delivered)
            .OrderBy(m => m.Id).Select(m => new { m.LastError }).ToListAsync(cancellationToken);
        return new WebhookDetails(s.Id, s.Url, s.ChosenEvents, s.State, s.DisabledReason, s.DisabledAt, owner ?? "a former member", s.CreatedAt,
            s.Version, queued.Count, queued.FirstOrDefault()?.LastError, attempts);
    }
}
