using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>
/// Sprints: starting and closing (for the team: everyone but stakeholders), the review being ready (for
/// stakeholders), mentions in the review's notes, and changes to a review someone watches.
/// </summary>
public sealed class SprintNotifications(AppDbContext db, NotificationAudience audience, NotificationWriter writer, ICurrentUser user) :
    IDomainEventHandler<SprintStarted>, IDomainEventHandler<SprintClosed>, IDomainEventHandler<SprintReviewReady>,
    IDomainEventHandler<SprintReviewRecorded>
{
    private string Who => user.UserId is null ? "Someone" : user.Name;

    public async Task HandleAsync(SprintStarted e, CancellationToken cancellationToken)
    {
        var sprint = await SprintAsync(e.SprintId, cancellationToken);
        await TeamAsync(e, e.SprintId, $"{Who} started {sprint.Name}: “{sprint.Goal}”", cancellationToken);
    }

    public async Task HandleAsync(SprintClosed e, CancellationToken cancellationToken)
    {
        var sprint = await SprintAsync(e.SprintId, cancellationToken);
        await TeamAsync(e, e.SprintId, $"{Who} closed {sprint.Name}: {e.DonePoints} of {e.CommittedPoints} points done", cancellationToken);
    }

    public async Task HandleAsync(SprintReviewReady e, CancellationToken cancellationToken)
    {
        var sprint = await SprintAsync(e.SprintId, cancellationToken);
        var stakeholders = await audience.WithRoleAsync(e.ProductId, r => r == ProductRole.Stakeholder, cancellationToken);
        await writer.WriteAsync(e.ProductId, e.ActorId,
            new NotificationDraft(NotificationKind.SprintReviewReady, Subject(e.SprintId), $"the {sprint.Name} review",
                $"The {sprint.Name} review is ready: “{sprint.Goal}”", $"sprints/{e.SprintId}/review", Permission.ViewSprintReview,
                "you follow this product's sprint reviews as a stakeholder"),
            stakeholders, cancellationToken);
    }

    public async Task HandleAsync(SprintReviewRecorded e, CancellationToken cancellationToken)
    {
        var sprint = await SprintAsync(e.SprintId, cancellationToken);
        var label = $"the {sprint.Name} review";
        var mentioned = await audience.NewlyMentionedAsync(e.ProductId, e.Notes, e.NotesBefore, cancellationToken);
        await writer.WriteAsync(e.ProductId, e.ActorId,
            new NotificationDraft(NotificationKind.Mention, Subject(e.SprintId), label, $"{Who} mentioned you in the notes of {label}",
                $"sprints/{e.SprintId}/review#notes-heading", Permission.ViewSprintReview, "you were mentioned"),
            mentioned, cancellationToken);
        var watchers = await audience.WatchersAsync(e.ProductId, WatchSubject.SprintReview, e.SprintId, cancellationToken);
        await writer.WriteAsync(e.ProductId, e.ActorId,
            new NotificationDraft(NotificationKind.WatchedChanged, Subject(e.SprintId), label, $"{Who} updated {label}",
                $"sprints/{e.SprintId}/review#notes-heading", Permission.ViewSprintReview, "you watch this sprint review", Coalesces: true),
            watchers.Except(mentioned), cancellationToken);
    }

    private async Task TeamAsync(IProductEvent e, int sprintId, string text, CancellationToken cancellationToken)
    {
        var team = await audience.WithRoleAsync(e.ProductId, r => r != ProductRole.Stakeholder, cancellationToken);
        await writer.WriteAsync(e.ProductId, e.ActorId,
            new NotificationDraft(NotificationKind.Sprint, $"sprint:{sprintId}", "the sprint", text, $"sprints/{sprintId}", Permission.ViewSprints,
                "you are on this product's team"),
            team, cancellationToken);
    }

    private static string Subject(int sprintId) => NotificationWatch.Key(WatchSubject.SprintReview, sprintId);

    private async Task<(string Name, string Goal)> SprintAsync(int sprintId, CancellationToken cancellationToken)
    {
        var sprint = await db.Sprints.IgnoreQueryFilters().Where(s => s.Id == sprintId).Select(s => new { s.Name, s.Goal }).SingleAsync(cancellationToken);
        return (sprint.Name, sprint.Goal);
    }
}
