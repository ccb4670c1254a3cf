using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>The signed-in user's notifications, newest first, a page at a time, grouped by day in their own time zone.</summary>
public sealed record GetNotificationInbox(int Page = 1) : IQuery<NotificationInbox>;

public sealed record NotificationInbox(IReadOnlyList<NotificationDay> Days, int Page, int PageCount, int Unread, string TimeZoneId);

public sealed record NotificationDay(DateOnly Day, IReadOnlyList<NotificationRow> Notifications);

public sealed record NotificationRow(long Id, NotificationKind Kind, string Product, string Text, string Url, DateTime At, bool IsRead);

public sealed class GetNotificationInboxHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetNotificationInbox, NotificationInbox>
{
    public const int PageSize = 30;

    public async ValueTask<NotificationInbox> Handle(GetNotificationInbox query, CancellationToken cancellationToken)
    {
        var userId = user.UserId;
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var counts = await mine.GroupBy(n => 1).Select(g => new { Total = g.Count(), Unread = g.Count(n => n.ReadAt == null) }).FirstOrDefaultAsync(cancellationToken);
        var total = counts?.Total ?? 0;
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await mine.OrderByDescending(n => n.UpdatedAt).ThenByDescending(n => n.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(n => new
            {
                n.Id, n.Kind, Product = db.Products.Where(p => p.Id == n.ProductId).Select(p => p.Name).FirstOrDefault(), n.Text, n.SubjectLabel, n.Count,
                n.Url, n.UpdatedAt, n.ReadAt,
            })
            .ToListAsync(cancellationToken);
        var zoneId = await db.NotificationSettings.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.TimeZoneId).FirstOrDefaultAsync(cancellationToken);
        var zone = NotificationSettings.FindTimeZone(zoneId) ?? TimeZoneInfo.Utc;
        var days = rows
            .Select(r => new NotificationRow(r.Id, r.Kind, r.Product ?? "", Notification.Shown(r.Text, r.SubjectLabel, r.Count), r.Url, r.UpdatedAt, r.ReadAt is not null))
            .GroupBy(r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(r.At, DateTimeKind.Utc), zone)))
            .Select(g => new NotificationDay(g.Key, [.. g]))
            .ToList();
        return new NotificationInbox(days, page, pageCount, counts?.Unread ?? 0, zone.Id);
    }
}

/// <summary>The bell's count, for the page's script after a live "notified".</summary>
public sealed record GetUnreadNotificationCount : IQuery<int>;

public sealed class GetUnreadNotificationCountHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetUnreadNotificationCount, int>
{
    public async ValueTask<int> Handle(GetUnreadNotificationCount query, CancellationToken cancellationToken) =>
        await db.Notifications.CountAsync(n => n.UserId == user.UserId && n.ReadAt == null, cancellationToken);
}
