using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>
/// The user opens (or just marks read) one of their notifications; the answer is where it links, or ""
/// when there is no such notification of theirs (gone with a membership, or someone else's: the same answer).
/// </summary>
public sealed record MarkNotificationRead(long NotificationId) : ICommand<string>;

public sealed class MarkNotificationReadHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkNotificationRead, string>
{
    public async ValueTask<string> Handle(MarkNotificationRead command, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == command.NotificationId && n.UserId == user.UserId, cancellationToken);
        if (notification is null)
        {
            return "";
        }

        notification.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return notification.Url;
    }
}

/// <summary>The user marks every notification read: one UPDATE, however many there are.</summary>
public sealed record MarkAllNotificationsRead : ICommand<int>;

public sealed class MarkAllNotificationsReadHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkAllNotificationsRead, int>
{
    public async ValueTask<int> Handle(MarkAllNotificationsRead command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Notifications.Where(n => n.UserId == user.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
