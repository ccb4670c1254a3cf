using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>
/// A member taken out of a product loses its notifications and watches; a member whose role changes loses
/// the notifications their new role may not read (each remembers the permission it needs).
/// </summary>
public sealed class MembershipNotifications(AppDbContext db) :
    IDomainEventHandler<ProductMemberRemoved>, IDomainEventHandler<ProductMemberRoleChanged>
{
    public async Task HandleAsync(ProductMemberRemoved e, CancellationToken cancellationToken)
    {
        await db.Notifications.IgnoreQueryFilters().Where(n => n.ProductId == e.ProductId && n.UserId == e.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.NotificationWatches.IgnoreQueryFilters().Where(w => w.ProductId == e.ProductId && w.UserId == e.UserId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task HandleAsync(ProductMemberRoleChanged e, CancellationToken cancellationToken)
    {
        if (e.From is null)
        {
            return;
        }

        var allowed = Enum.GetValues<Permission>().Where(p => ProductPermissions.Allows(e.To, false, p)).Select(p => p.ToString()).ToList();
        await db.Notifications.IgnoreQueryFilters().Where(n => n.ProductId == e.ProductId && n.UserId == e.UserId && !allowed.Contains(n.Audience))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
