using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>
/// Backlog items: mentions in comments, tasks assigned, and watched items changing status, sprint or
/// roadmap item, or being marked Done. Creating, commenting and being assigned start a watch.
/// </summary>
public sealed class BacklogNotifications(AppDbContext db, NotificationAudience audience, NotificationWriter writer, ICurrentUser user, TimeProvider clock) :
    IDomainEventHandler<BacklogItemCreated>, IDomainEventHandler<BacklogItemCommented>, IDomainEventHandler<BacklogItemChanged>,
    IDomainEventHandler<BacklogItemMarkedDone>, IDomainEventHandler<SprintItemPlanned>, IDomainEventHandler<SprintItemUnplanned>,
    IDomainEventHandler<SprintCardMoved>, IDomainEventHandler<SprintTaskAdded>, IDomainEventHandler<SprintTaskChanged>
{
    /// <summary>The fields whose change a watcher hears of; the rest (title, tags, estimate …) stay in the item's history.</summary>
    private static readonly string[] WatchedFields = ["Status", "Roadmap item"];

    private string Who => user.UserId is null ? "Someone" : user.Name;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task HandleAsync(BacklogItemCreated e, CancellationToken cancellationToken) =>
        Watching.WatchAsync(db, e.ProductId, e.ActorId, WatchSubject.BacklogItem, e.BacklogItemId, Now, cancellationToken);

    public async Task HandleAsync(BacklogItemCommented e, CancellationToken cancellationToken)
    {
        var label = await LabelAsync(e.BacklogItemId, cancellationToken);
        var path = $"backlog/{e.BacklogItemId}#comment-{e.CommentId}";
        var mentioned = await audience.MentionedAsync(e.ProductId, e.Text, cancellationToken);
        await writer.WriteAsync(e.ProductId, e.ActorId,
            new NotificationDraft(NotificationKind.Mention, Subject(e.BacklogItemId), label, $"{Who} mentioned you in a comment on {label}", path,
                Permission.ViewBacklog, "you were mentioned"),
            mentioned, cancellationToken);
        var watchers = await audience.WatchersAsync(e.ProductId, WatchSubject.BacklogItem, e.BacklogItemId, cancellationToken);
        await writer.WriteAsync(e.ProductId, e.ActorId,
            new NotificationDraft(NotificationKind.WatchedChanged, Subject(e.BacklogItemId), label, $"{Who} commented on {label}", path,
                Permission.ViewBacklog, "you watch this backlog item", Coalesces: true),
            watchers.Except(mentioned), cancellationToken);
        await Watching.WatchAsync(db, e.ProductId, e.ActorId, WatchSubject.BacklogItem, e.BacklogItemId, Now, cancellationToken);
    }

    public async Task HandleAsync(BacklogItemChanged e, CancellationToken cancellationToken)
    {
        var watched = e.Changes.Where(c => WatchedFields.Contains(c.Field, StringComparer.Ordinal)).ToList();
        if (watched.Count == 0)
        {
            return;
        }

        var label = await LabelAsync(e.BacklogItemId, cancellationToken);
        var what = string.Join(" and ", watched.Select(c => c.Field == "Status"
            ? $"set it to {c.New}"
            : c.New is null ? "took it off its roadmap item" : $"linked it to roadmap item {c.New}"));
        await WatchedAsync(e.ProductId, e.ActorId, e.BacklogItemId, label, $"{Who} changed {label}: {what}", cancellationToken);
    }

    public async Task HandleAsync(BacklogItemMarkedDone e, CancellationToken cancellationToken)
    {
        var label = await LabelAsync(e.BacklogItemId, cancellationToken);
        await WatchedAsync(e.ProductId, e.ActorId, e.BacklogItemId, label, $"{Who} marked {label} Done", cancellationToken);
    }

    public async Task HandleAsync(SprintItemPlanned e, CancellationToken cancellationToken)
    {
        var label = await LabelAsync(e.BacklogItemId, cancellationToken);
        await WatchedAsync(e.ProductId, e.ActorId, e.BacklogItemId, label, $"{Who} planned {label} into {await SprintNameAsync(e.SprintId, cancellationToken)}",
            cancellationToken);
    }

    public async Task HandleAsync(SprintItemUnplanned e, CancellationToken cancellationToken)
    {
        var label = await LabelAsync(e.BacklogItemId, cancellationToken);
        await WatchedAsync(e.ProductId, e.ActorId, e.BacklogItemId, label,
            $"{Who} took {label} out of {await SprintNameAsync(e.SprintId, cancellationToken)}", cancellationToken);
    }

    public async Task HandleAsync(SprintCardMoved e, CancellationToken cancellationToken)
    {
        var label = await LabelAsync(e.BacklogItemId, cancellationToken);
        var to = e.To == BacklogItemStatus.Planned ? "To do" : e.To.Display();
        await WatchedAsync(e.ProductId, e.ActorId, e.BacklogItemId, label, $"{Who} moved {label} to {to} on the sprint board", cancellationToken);
    }

    public Task HandleAsync(SprintTaskAdded e, CancellationToken cancellationToken) =>
        AssignedAsync(e.ProductId, e.ActorId, e.SprintId, e.BacklogItemId, e.Title, e.OwnerId, cancellationToken);

    public async Task HandleAsync(SprintTaskChanged e, CancellationToken cancellationToken)
    {
        if (e.Changes.FirstOrDefault(c => c.Field == "Owner") is not { New: { } ownerId })
        {
            return;
        }

        var title = await db.SprintTasks.IgnoreQueryFilters().Where(t => t.Id == e.TaskId).Select(t => t.Title).SingleAsync(cancellationToken);
        await AssignedAsync(e.ProductId, e.ActorId, e.SprintId, e.BacklogItemId, title, ownerId, cancellationToken);
    }

    private async Task AssignedAsync(int productId, string? actorId, int sprintId, int itemId, string task, string? ownerId, CancellationToken cancellationToken)
    {
        if (await audience.MemberAsync(productId, ownerId, cancellationToken) is not { } owner)
        {
            return;
        }

        var label = await LabelAsync(itemId, cancellationToken);
        await writer.WriteAsync(productId, actorId,
            new NotificationDraft(NotificationKind.TaskAssigned, $"task:{itemId}", label, $"{Who} assigned you the task “{task}” on {label}",
                $"sprints/{sprintId}/board#card-{itemId}", Permission.ViewSprints, "a task was assigned to you"),
            [owner], cancellationToken);
        await Watching.WatchAsync(db, productId, owner.UserId, WatchSubject.BacklogItem, itemId, Now, cancellationToken);
    }

    private async Task WatchedAsync(int productId, string? actorId, int itemId, string label, string text, CancellationToken cancellationToken)
    {
        var watchers = await audience.WatchersAsync(productId, WatchSubject.BacklogItem, itemId, cancellationToken);
        await writer.WriteAsync(productId, actorId,
            new NotificationDraft(NotificationKind.WatchedChanged, Subject(itemId), label, text, $"backlog/{itemId}", Permission.ViewBacklog,
                "you watch this backlog item", Coalesces: true),
            watchers, cancellationToken);
    }

    private static string Subject(int itemId) => NotificationWatch.Key(WatchSubject.BacklogItem, itemId);

    private async Task<string> LabelAsync(int itemId, CancellationToken cancellationToken)
    {
        var title = await db.BacklogItems.IgnoreQueryFilters().Where(i => i.Id == itemId).Select(i => i.Title).SingleAsync(cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"#{itemId} “{title}”");
    }

    private Task<string> SprintNameAsync(int sprintId, CancellationToken cancellationToken) =>
        db.Sprints.IgnoreQueryFilters().Where(s => s.Id == sprintId).Select(s => s.Name).SingleAsync(cancellationToken);
}
