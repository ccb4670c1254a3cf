using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Notifications;

namespace ProductRoles.Tests.Notifications;

/// <summary>A notification as its recipient sees it in the inbox, with who got it.</summary>
public sealed record Received(string Email, NotificationKind Kind, string Text, string Url, int Count);

public static class NotificationData
{
    /// <summary>Every notification of the product, oldest first, named by the recipient's email.</summary>
    public static Task<List<Received>> ReceivedAsync(this TestProduct product) => product.App.QueryAsync(async db =>
        (await db.Notifications.Where(n => n.ProductId == product.Id).OrderBy(n => n.Id)
            .Select(n => new { Email = db.Users.Where(u => u.Id == n.UserId).Select(u => u.Email).First(), n.Kind, n.Text, n.SubjectLabel, n.Count, n.Url })
            .ToListAsync())
        .Select(n => new Received(n.Email!, n.Kind, Notification.Shown(n.Text, n.SubjectLabel, n.Count), n.Url, n.Count)).ToList());

    public static Task<string> UserIdAsync(this AppFixture app, string email) =>
        app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
