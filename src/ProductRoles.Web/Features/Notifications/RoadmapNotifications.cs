using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>
/// The roadmap: feedback on an item you own (made) or watch, mentions in feedback and its answer, the
/// answer or resolution of feedback you gave, a watched item's status, and the roadmap being published
/// (for stakeholders, with its note).
/// </summary>
public sealed class RoadmapNotifications(AppDbContext db, NotificationAudience audience, NotificationWriter writer, ICurrentUser user, TimeProvider clock) :
    IDomainEventHandler<RoadmapItemCreated>, IDomainEventHandler<RoadmapItemStatusChanged>, IDomainEventHandler<RoadmapFeedbackGiven>,
    IDomainEventHandler<RoadmapFeedbackAnswered>, IDomainEventHandler<RoadmapPublished>
{
    private string Who => user.UserId is null ? "Someone" : user.Name;

    public Task HandleAsync(RoadmapItemCreated e, CancellationToken cancellationToken) =>
        Watching.WatchAsync(db, e.ProductId, e.ActorId, WatchSubject.RoadmapItem, e.RoadmapItemId, clock.GetUtcNow().UtcDateTime, cancellationToken);

    public async Task HandleAsync(RoadmapItemStatusChanged e, CancellationToken cancellationToken)
    {
        var label = await LabelAsync(e.RoadmapItemId, cancellationToken);
        var watchers = await audience.WatchersAsync(e.ProductId, WatchSubject.RoadmapItem, e.RoadmapItemId, cancellationToken);
        await writer.WriteAsync(e.ProductId, e.ActorId,
            new NotificationDraft(NotificationKind.WatchedChanged, Subject(e.RoadmapItemId), label, $"{Who} set {label} to {e.To.Display()}",
                $"roadmap/{e.RoadmapItemId}", Permission.ViewStrategy, "you watch this roadmap item", Coalesces: true),
            watchers, cancellationToken);
    }

    public async Task HandleAsync(RoadmapFeedbackGiven e, CancellationToken cancellationToken)
    {
        var label = await LabelAsync(e.RoadmapItemId, cancellationToken);
        var path = $"roadmap/{e.RoadmapItemId}#feedback-{e.FeedbackId}";
        var mentioned = await audience.MentionedAsync(e.ProductId, e.Body, cancellationToken);
        await writer.WriteAsync(e.ProductId, e.ActorId,
            new NotificationDraft(NotificationKind.Mention, Subject(e.RoadmapItemId), label, $"{Who} mentioned you in feedback on {label}", path,
                Permission.ViewStrategy, "you were mentioned"),
            mentioned, cancellationToken);
        var watchers = await audience.WatchersAsync(e.ProductId, WatchSubject.RoadmapItem, e.RoadmapItemId, cancellationToken);
        await writer.WriteAsync(e.ProductId, e.ActorId,
            new NotificationDraft(NotificationKind.RoadmapFeedback, Subject(e.RoadmapItemId), label,
                $"{Who} gave feedback ({e.Kind.Display()}) on {label}", path, Permission.ViewStrategy, "you own or watch this roadmap item"),
            watchers.Except(mentioned), cancellationToken);
    }

    public async Task HandleAsync(RoadmapFeedbackAnswered e, CancellationToken cancellationToken)
    {
        var label = await LabelAsync(e.RoadmapItemId, cancellationToken);
        var path = $"roadmap/{e.RoadmapItemId}#feedback-{e.FeedbackId}";
        var authorId = await db.RoadmapFeedback.IgnoreQueryFilters().Where(f => f.Id == e.FeedbackId).Select(f => f.AuthorId).SingleAsync(cancellationToken);
        var mentioned = await audience.MentionedAsync(e.ProductId, e.Answer, cancellationToken);
        await writer.WriteAsync(e.ProductId, e.ActorId,
            new NotificationDraft(NotificationKind.Mention, Subject(e.RoadmapItemId), label, $"{Who} mentioned you in an answer to feedback on {label}", path,
                Permission.ViewStrategy, "you were mentioned"),
            mentioned.Where(m => m.UserId != authorId), cancellationToken);
        if (await audience.MemberAsync(e.ProductId, authorId, cancellationToken) is { } author)
        {
            var what = e.Answer is null ? $"marked your feedback on {label} {e.To.Display()}" : $"answered your feedback on {label} ({e.To.Display()})";
            await writer.WriteAsync(e.ProductId, e.ActorId,
                new NotificationDraft(NotificationKind.RoadmapFeedbackAnswered, $"roadmap-feedback:{e.FeedbackId}", label, $"{Who} {what}", path,
                    Permission.ViewStrategy, "you gave this feedback"),
                [author], cancellationToken);
        }
    }

    public async Task HandleAsync(RoadmapPublished e, CancellationToken cancellationToken)
    {
        var note = await db.PublishedRoadmaps.IgnoreQueryFilters().Where(p => p.Id == e.PublishedRoadmapId).Select(p => p.Note).SingleAsync(cancellationToken);
        var stakeholders = await audience.WithRoleAsync(e.ProductId, r => r == ProductRole.Stakeholder, cancellationToken);
        var text = string.IsNullOrWhiteSpace(note) ? $"{Who} published the roadmap" : $"{Who} published the roadmap: “{note.Trim()}”";
        await writer.WriteAsync(e.ProductId, e.ActorId,
            new NotificationDraft(NotificationKind.RoadmapPublished, $"published-roadmap:{e.PublishedRoadmapId}", "the published roadmap", text,
                "roadmap/published", Permission.ViewPublishedRoadmap, "you follow this product's roadmap as a stakeholder"),
            stakeholders, cancellationToken);
    }

    private static string Subject(int itemId) => NotificationWatch.Key(WatchSubject.RoadmapItem, itemId);

    private async Task<string> LabelAsync(int itemId, CancellationToken cancellationToken)
    {
        var title = await db.RoadmapItems.IgnoreQueryFilters().Where(i => i.Id == itemId).Select(i => i.Title).SingleAsync(cancellationToken);
        return $"“{title}”";
    }
}
