using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Infrastructure.Leases;
using ProductRoles.Web.Infrastructure.Outbox;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>
/// The daily digest, on one instance at a time (the <see cref="Lease"/> lease): every minute it finds the
/// users whose digest time has come in their own time zone, and for each with unread notifications of their
/// digest kinds since the last digest writes one digest mail into the outbox, in the same transaction as
/// moving their "last digest" mark, so a digest is neither lost nor written twice.
/// </summary>
public sealed class NotificationDigestJob(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<NotificationDigestJob> logger)
    : LeasedBackgroundService(scopes, time, logger)
{
    public const string Lease = "notification-digest";

    protected override string LeaseName => Lease;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Notifications:DigestPollSeconds", 60.0));

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        WriteDueDigestsAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<MailSettings>(),
            services.GetRequiredService<OutboxSignal>(), services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>One round (public for tests): returns how many digests were written.</summary>
    public static async Task<int> WriteDueDigestsAsync(AppDbContext db, MailSettings mail, OutboxSignal signal, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(signal);
        if (!mail.Enabled)
        {
            return 0;
        }

        var marker = "=" + nameof(NotificationChannel.Digest);
        var candidates = await db.NotificationSettings.Where(s => s.Channels.Contains(marker)).ToListAsync(cancellationToken);
        var written = 0;
        foreach (var settings in candidates)
        {
            var zone = NotificationSettings.FindTimeZone(settings.TimeZoneId) ?? TimeZoneInfo.Utc;
            var last = settings.LastDigestAt ?? now.AddDays(-1);
            if (NotificationSettings.NextDigestUtc(zone, settings.DigestAt, last) > now)
            {
                continue;
            }

            var kinds = Enum.GetValues<NotificationKind>().Where(k => settings.ChannelFor(k) == NotificationChannel.Digest).ToList();
            var any = await db.Notifications.IgnoreQueryFilters()
                .AnyAsync(n => n.UserId == settings.UserId && n.ReadAt == null && n.UpdatedAt > last && n.UpdatedAt <= now && kinds.Contains(n.Kind), cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (any)
            {
                await NotificationMailOutbox.EnqueueAsync(db, [settings.UserId], new MailPayload(Digest: new DigestMail(last, now)).ToJson(), now, cancellationToken);
                written++;
            }

            settings.LastDigestAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (written > 0)
        {
            signal.Notify();
        }

        return written;
    }
}
