using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>A member starts (<paramref name="Watch"/> true) or stops watching a backlog item.</summary>
[Requires(Permission.ViewBacklog)]
public sealed record WatchBacklogItem(string ProductSlug, int ItemId, bool Watch) : ICommand<Unit>, IProductRequest;

/// <summary>A member starts or stops watching a roadmap item.</summary>
[Requires(Permission.ViewStrategy)]
public sealed record WatchRoadmapItem(string ProductSlug, int ItemId, bool Watch) : ICommand<Unit>, IProductRequest;

/// <summary>A member starts or stops watching a sprint's review.</summary>
[Requires(Permission.ViewSprintReview)]
public sealed record WatchSprintReview(string ProductSlug, int SprintId, bool Watch) : ICommand<Unit>, IProductRequest;

/// <summary>Whether the caller watches a thing, for its page's Watch / Unwatch button.</summary>
[Requires(Permission.ViewProduct)]
public sealed record IsWatching(string ProductSlug, WatchSubject Subject, int SubjectId) : IQuery<bool>, IProductRequest;

public sealed class WatchBacklogItemHandler(AppDbContext db, ProductContext product, ICurrentUser user, TimeProvider clock) : ICommandHandler<WatchBacklogItem, Unit>
{
    public async ValueTask<Unit> Handle(WatchBacklogItem command, CancellationToken cancellationToken)
    {
        await db.BacklogItems.EnsureExistsAsync(i => i.Id == command.ItemId, cancellationToken);
        await WatchSwitch.SetAsync(db, product.Id, user.UserId!, WatchSubject.BacklogItem, command.ItemId, command.Watch, clock, cancellationToken);
        return Unit.Value;
    }
}

public sealed class WatchRoadmapItemHandler(AppDbContext db, ProductContext product, ICurrentUser user, TimeProvider clock) : ICommandHandler<WatchRoadmapItem, Unit>
{
    public async ValueTask<Unit> Handle(WatchRoadmapItem command, CancellationToken cancellationToken)
    {
        await db.RoadmapItems.EnsureExistsAsync(i => i.Id == command.ItemId, cancellationToken);
        await WatchSwitch.SetAsync(db, product.Id, user.UserId!, WatchSubject.RoadmapItem, command.ItemId, command.Watch, clock, cancellationToken);
        return Unit.Value;
    }
}

public sealed class WatchSprintReviewHandler(AppDbContext db, ProductContext product, ICurrentUser user, TimeProvider clock) : ICommandHandler<WatchSprintReview, Unit>
{
    public async ValueTask<Unit> Handle(WatchSprintReview command, CancellationToken cancellationToken)
    {
        await db.SprintReviews.EnsureExistsAsync(r => r.SprintId == command.SprintId, cancellationToken);
        await WatchSwitch.SetAsync(db, product.Id, user.UserId!, WatchSubject.SprintReview, command.SprintId, command.Watch, clock, cancellationToken);
        return Unit.Value;
    }
}

public sealed class IsWatchingHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<IsWatching, bool>
{
    public async ValueTask<bool> Handle(IsWatching query, CancellationToken cancellationToken) =>
        await db.NotificationWatches.AnyAsync(w => w.Subject == query.Subject && w.SubjectId == query.SubjectId && w.UserId == user.UserId, cancellationToken);
}

internal static class WatchSwitch
{
    public static Task SetAsync(AppDbContext db, int productId, string userId, WatchSubject subject, int id, bool watch, TimeProvider clock,
        CancellationToken cancellationToken) =>
        watch
            ? Watching.WatchAsync(db, productId, userId, subject, id, clock.GetUtcNow().UtcDateTime, cancellationToken)
            : db.NotificationWatches.Where(w => w.Subject == subject && w.SubjectId == id && w.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
