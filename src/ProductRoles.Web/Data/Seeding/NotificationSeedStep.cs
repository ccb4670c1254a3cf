using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Web.Data.Seeding;

/// <summary>
/// A few notifications and watches for the demo users, so the bell is not empty on the first visit: the
/// product owner's constructive feedback about the roadmap reaching the product manager, its answer
/// reaching the product owner, and the latest sprint review reaching the stakeholder. Seeded once.
/// </summary>
public sealed class NotificationSeedStep : IDemoSeedStep
{
    public int Order => 140; // after the roadmap, the backlog and the sprints it points at

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var productId = context.Product.Id;
        if (await db.Notifications.IgnoreQueryFilters().AnyAsync(n => n.ProductId == productId, cancellationToken))
        {
            return;
        }

        var roadmapItem = await db.RoadmapItems.AsNoTracking().Where(r => r.ProductId == productId).OrderBy(r => r.Horizon).ThenBy(r => r.Rank)
            .Select(r => new { r.Id, r.Title }).FirstOrDefaultAsync(cancellationToken);
        var backlogItem = await db.BacklogItems.AsNoTracking().Where(i => i.ProductId == productId).OrderBy(i => i.Rank)
            .Select(i => new { i.Id, i.Title }).FirstOrDefaultAsync(cancellationToken);
        var review = await db.Sprints.AsNoTracking().Where(s => s.ProductId == productId && s.State == SprintState.Closed).OrderByDescending(s => s.EndDate)
            .Select(s => new { s.Id, s.Name, s.Goal }).FirstOrDefaultAsync(cancellationToken);
        if (roadmapItem is null || backlogItem is null || review is null)
        {
            return;
        }

        var pm = context.Users[ProductRole.ProductManager];
        var po = context.Users[ProductRole.ProductOwner];
        var stakeholder = context.Users[ProductRole.Stakeholder];
        var now = context.Now;
        var slug = context.Product.Slug;
        db.NotificationWatches.AddRange(
            new NotificationWatch { ProductId = productId, UserId = pm.Id, Subject = WatchSubject.RoadmapItem, SubjectId = roadmapItem.Id, CreatedAt = now },
            new NotificationWatch { ProductId = productId, UserId = po.Id, Subject = WatchSubject.BacklogItem, SubjectId = backlogItem.Id, CreatedAt = now },
            new NotificationWatch { ProductId = productId, UserId = stakeholder.Id, Subject = WatchSubject.SprintReview, SubjectId = review.Id, CreatedAt = now });
        db.Notifications.AddRange(
            New(productId, pm.Id, NotificationKind.RoadmapFeedback, $"roadmap-item:{roadmapItem.Id}", $"“{roadmapItem.Title}”",
                $"{po.DisplayName} offers constructive feedback about the roadmap on “{roadmapItem.Title}”", $"/p/{slug}/roadmap/{roadmapItem.Id}#feedback",
                "ViewStrategy", now.AddHours(-3)),
            New(productId, po.Id, NotificationKind.WatchedChanged, $"backlog-item:{backlogItem.Id}", $"#{backlogItem.Id} “{backlogItem.Title}”",
                $"{pm.DisplayName} linked #{backlogItem.Id} “{backlogItem.Title}” to the roadmap", $"/p/{slug}/backlog/{backlogItem.Id}", "ViewBacklog",
                now.AddHours(-26)),
            New(productId, stakeholder.Id, NotificationKind.SprintReviewReady, $"sprint-review:{review.Id}", $"the {review.Name} review",
                $"The {review.Name} review is ready: “{review.Goal}”", $"/p/{slug}/sprints/{review.Id}/review", "ViewSprintReview", now.AddHours(-2)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Notification New(int productId, string userId, NotificationKind kind, string subject, string label, string text, string url, string audience, DateTime at) =>
        new()
        {
            ProductId = productId, UserId = userId, Kind = kind, Subject = subject, SubjectLabel = Notification.Cut(label, Notification.SubjectLabelMaxLength),
            Text = Notification.Cut(text, Notification.TextMaxLength), Url = url, Audience = audience, CreatedAt = at, UpdatedAt = at,
        };
}
