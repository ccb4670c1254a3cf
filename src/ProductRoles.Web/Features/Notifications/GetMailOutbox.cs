using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Outbox;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>
/// The mail the outbox still owes, for the administrator: what waits (and why it is being retried), and what
/// failed for good (held after the retry window). Delivered mail is only counted.
/// </summary>
public sealed record GetMailOutbox : IQuery<MailOutbox>, IAdministratorRequest;

public sealed record MailOutbox(
    bool MailEnabled, int Waiting, int Retrying, int Failed, int DeliveredLastDay, IReadOnlyList<OutboxMail> Pending, IReadOnlyList<OutboxMail> FailedMail);

/// <summary>One mail of the outbox: to whom, what it says, how often it was tried and what the server said last.</summary>
public sealed record OutboxMail(long Id, string Recipient, string What, DateTime WrittenAt, int Attempts, DateTime? NextAttemptAt, string? LastError);

public sealed class GetMailOutboxHandler(AppDbContext db, MailSettings settings, TimeProvider clock) : IQueryHandler<GetMailOutbox, MailOutbox>
{
    /// <summary>Rows shown per list; the counts above them are of all.</summary>
    public const int Shown = 100;

    public async ValueTask<MailOutbox> Handle(GetMailOutbox query, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var mail = db.OutboxMessages.AsNoTracking().Where(m => m.Kind == NotificationMailOutbox.Kind);
        var counts = await mail.GroupBy(m => 1).Select(g => new
        {
            Waiting = g.Count(m => m.State == OutboxMessageState.Pending),
            Retrying = g.Count(m => m.State == OutboxMessageState.Pending && m.Attempts > 0),
            Failed = g.Count(m => m.State == OutboxMessageState.Held),
            Delivered = g.Count(m => m.State == OutboxMessageState.Delivered && m.DeliveredAt >= since),
        }).FirstOrDefaultAsync(cancellationToken);
        var rows = await mail.Where(m => m.State != OutboxMessageState.Delivered)
            .OrderBy(m => m.State).ThenBy(m => m.Id).Take(Shown * 2)
            .Select(m => new
            {
                m.Id, m.State, m.Payload, m.CreatedAt, m.Attempts, m.NextAttemptAt, m.LastError,
                Recipient = db.Users.Where(u => u.Id == m.Partition).Select(u => u.Email).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var shown = rows.Select(r => (r.State, Mail: new OutboxMail(r.Id, r.Recipient ?? "(a user who is gone)", What(r.Payload), r.CreatedAt, r.Attempts,
            r.State == OutboxMessageState.Pending ? r.NextAttemptAt : null, r.LastError))).ToList();
        return new MailOutbox(settings.Enabled, counts?.Waiting ?? 0, counts?.Retrying ?? 0, counts?.Failed ?? 0, counts?.Delivered ?? 0,
            [.. shown.Where(s => s.State == OutboxMessageState.Pending).Take(Shown).Select(s => s.Mail)],
            [.. shown.Where(s => s.State == OutboxMessageState.Held).Take(Shown).Select(s => s.Mail)]);
    }

    private static string What(string payload)
    {
        var mail = MailPayload.FromJson(payload);
        return mail.Notification is { } one ? $"[{one.Product}] {one.Text}" : mail.Digest is not null ? "Daily digest" : "(unreadable)";
    }
}

/// <summary>The administrator sends a failed mail again (after fixing the mail server): a fresh run of retries.</summary>
public sealed record RetryFailedMail(long Id) : ICommand<bool>, IAdministratorRequest;

public sealed class RetryFailedMailHandler(AppDbContext db, TimeProvider clock, Infrastructure.Outbox.OutboxSignal signal) : ICommandHandler<RetryFailedMail, bool>
{
    public async ValueTask<bool> Handle(RetryFailedMail command, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(
            m => m.Id == command.Id && m.Kind == NotificationMailOutbox.Kind && m.State == OutboxMessageState.Held, cancellationToken);
        if (message is null)
        {
            return false;
        }

        message.State = OutboxMessageState.Pending;
        message.Attempts = 0;
        message.FirstAttemptAt = null;
        message.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return true;
    }
}
