using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Configurations;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Infrastructure.Outbox;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>
/// One notification for several people: what it says, where it links (a path inside the product, with
/// the anchor of the exact place: "backlog/12#comment-5"), and what a role needs to read it.
/// <paramref name="Coalesces"/>: a second change to the same subject within <see cref="Notification.CoalesceWindow"/>
/// adds to the unread notification instead of making another ("3 changes to #12").
/// </summary>
public sealed record NotificationDraft(
    NotificationKind Kind, string Subject, string SubjectLabel, string Text, string Path, Permission Audience, string Why, bool Coalesces = false);

/// <summary>
/// Writes a notification for many recipients in a fixed number of statements, whatever their number:
/// at most one SELECT of the recent unread ones to coalesce with, one UPDATE of those, one INSERT … SELECT
/// of the new ones (the recipients travel as one JSON parameter), and one INSERT … SELECT of their mail
/// into the outbox. Never to the person who made the change, never to a role that cannot read it.
/// Runs inside the command's transaction; the bells are told after the commit.
/// </summary>
public sealed class NotificationWriter(AppDbContext db, TimeProvider clock, NotificationPush push, OutboxSignal signal, MailSettings mailSettings)
{
    private readonly Dictionary<int, (string Slug, string Name)> _products = [];

    public async Task WriteAsync(
        int productId, string? actorId, NotificationDraft draft, IEnumerable<NotifiableMember> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var recipients = candidates.Where(m => m.UserId != actorId && m.Can(draft.Audience))
            .DistinctBy(m => m.UserId, StringComparer.Ordinal).ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (slug, productName) = await ProductAsync(productId, cancellationToken);
        var url = Notification.Cut($"/p/{slug}/{draft.Path}", Notification.UrlMaxLength);
        var text = Notification.Cut(draft.Text, Notification.TextMaxLength);
        var label = Notification.Cut(draft.SubjectLabel, Notification.SubjectLabelMaxLength);
        var ids = recipients.Select(r => r.UserId).ToList();
        var fresh = ids;
        if (draft.Coalesces)
        {
            var since = now - Notification.CoalesceWindow;
            var recent = db.Notifications.IgnoreQueryFilters()
                .Where(n => n.ProductId == productId && n.Subject == draft.Subject && n.Kind == draft.Kind && n.ReadAt == null
                    && n.UpdatedAt >= since && ids.Contains(n.UserId));
            var coalesced = await recent.Select(n => n.UserId).ToListAsync(cancellationToken);
            if (coalesced.Count > 0)
            {
                await recent.ExecuteUpdateAsync(s => s
                    .SetProperty(n => n.Count, n => n.Count + 1)
                    .SetProperty(n => n.UpdatedAt, now)
                    .SetProperty(n => n.Text, text)
                    .SetProperty(n => n.Url, url), cancellationToken);
                fresh = [.. ids.Except(coalesced, StringComparer.Ordinal)];
            }
        }

        if (fresh.Count > 0)
        {
            await InsertAsync(productId, draft, label, text, url, fresh, now, cancellationToken);
            // Mail only for a new notification: a change coalesced into an unread one was already announced.
            var mailTo = recipients.Where(r => fresh.Contains(r.UserId) && r.ChannelFor(draft.Kind) == NotificationChannel.Email && mailSettings.Enabled)
                .Select(r => r.UserId).ToList();
            if (mailTo.Count > 0)
            {
                var mail = new NotificationMail(draft.Kind, productName, Notification.Shown(text, label, 1), url, draft.Why);
                await NotificationMailOutbox.EnqueueAsync(db, mailTo, new MailPayload(mail).ToJson(), now, cancellationToken);
                signal.Notify();
            }
        }

        push.Tell(ids);
    }

    private async Task InsertAsync(
        int productId, NotificationDraft draft, string label, string text, string url, List<string> userIds, DateTime now, CancellationToken cancellationToken)
    {
        var recipients = RecipientList.Source(db);
        var sql = $$"""
            INSERT INTO "{{NotificationConfiguration.Table}}" ("UserId", "ProductId", "Kind", "Subject", "SubjectLabel", "Text", "Url", "Audience", "Count", "CreatedAt", "UpdatedAt")
            SELECT r."value", {1}, {2}, {3}, {4}, {5}, {6}, {7}, 1, {8}, {8} FROM {{recipients}} AS r
            """;
        await db.Database.ExecuteSqlRawAsync(sql,
            [JsonSerializer.Serialize(userIds), productId, (int)draft.Kind, draft.Subject, label, text, url, draft.Audience.ToString(), now],
            cancellationToken);
    }

    private async Task<(string Slug, string Name)> ProductAsync(int productId, CancellationToken cancellationToken)
    {
        if (!_products.TryGetValue(productId, out var product))
        {
            var row = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.Slug, p.Name }).SingleAsync(cancellationToken);
            _products[productId] = product = (row.Slug, row.Name);
        }

        return product;
    }
}

/// <summary>A JSON array of user ids as a table, in each provider's words: the recipients of one statement.</summary>
public static class RecipientList
{
    /// <summary>The table expression over parameter {0}: SQLite's json_each, SQL Server's OPENJSON (both yield a "value" column).</summary>
    public static string Source(AppDbContext db) =>
        db.Database.IsSqlServer() ? "OPENJSON({0})" : "json_each({0})";
}
