using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>
/// Customer feedback: new feedback in the inbox (for product owners), and a stakeholder's feedback on a
/// sprint review being triaged or turned into a story, told to them on the review they can see (they
/// cannot see the inbox, so they are told what became of it there, never the inbox's other contents).
/// </summary>
public sealed class FeedbackNotifications(AppDbContext db, NotificationAudience audience, NotificationWriter writer, ICurrentUser user, TimeProvider clock) :
    IDomainEventHandler<CustomerFeedbackReceived>, IDomainEventHandler<CustomerFeedbackTriaged>,
    IDomainEventHandler<CustomerFeedbackTurnedIntoStories>, IDomainEventHandler<SprintReviewFeedbackGiven>
{
    private string Who => user.UserId is null ? "Someone" : user.Name;

    public async Task HandleAsync(CustomerFeedbackReceived e, CancellationToken cancellationToken)
    {
        var source = await db.FeedbackItems.IgnoreQueryFilters().Where(f => f.Id == e.FeedbackItemId).Select(f => f.SourceName).SingleAsync(cancellationToken);
        var owners = await audience.WithRoleAsync(e.ProductId, r => r == ProductRole.ProductOwner, cancellationToken);
        var label = string.Create(CultureInfo.InvariantCulture, $"feedback #{e.FeedbackItemId}");
        await writer.WriteAsync(e.ProductId, e.ActorId,
            new NotificationDraft(NotificationKind.CustomerFeedback, $"feedback:{e.FeedbackItemId}", label,
                $"New customer feedback #{e.FeedbackItemId} from {source}", $"feedback/{e.FeedbackItemId}", Permission.TriageCustomerFeedback,
                "you triage this product's customer feedback"),
            owners, cancellationToken);
    }

    public async Task HandleAsync(SprintReviewFeedbackGiven e, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await Watching.WatchAsync(db, e.ProductId, e.ActorId, WatchSubject.CustomerFeedback, e.FeedbackItemId, now, cancellationToken);
        await Watching.WatchAsync(db, e.ProductId, e.ActorId, WatchSubject.SprintReview, e.SprintId, now, cancellationToken);
    }

    public Task HandleAsync(CustomerFeedbackTriaged e, CancellationToken cancellationToken) =>
        e.From == e.To ? Task.CompletedTask : TellGiverAsync(e.ProductId, e.ActorId, e.FeedbackItemId, $"marked it {e.To.Display()}", cancellationToken);

    public Task HandleAsync(CustomerFeedbackTurnedIntoStories e, CancellationToken cancellationToken) =>
        TellGiverAsync(e.ProductId, e.ActorId, e.FeedbackItemId,
            e.BacklogItemIds.Count == 1 ? "turned it into a story in the backlog"
                : string.Create(CultureInfo.InvariantCulture, $"turned it into {e.BacklogItemIds.Count} stories in the backlog"),
            cancellationToken);

    private async Task TellGiverAsync(int productId, string? actorId, int feedbackId, string what, CancellationToken cancellationToken)
    {
        var givers = await audience.WatchersAsync(productId, WatchSubject.CustomerFeedback, feedbackId, cancellationToken);
        if (givers.Count == 0)
        {
            return;
        }

        var review = await db.SprintReviewFeedback.IgnoreQueryFilters().Where(f => f.FeedbackItemId == feedbackId)
            .Select(f => new { f.SprintReview!.SprintId, f.SprintReview.Sprint!.Name }).FirstOrDefaultAsync(cancellationToken);
        if (review is null)
        {
            return;
        }

        var label = $"your feedback on the {review.Name} review";
        await writer.WriteAsync(productId, actorId,
            new NotificationDraft(NotificationKind.YourFeedbackTriaged, $"feedback:{feedbackId}", label, $"{Who} read {label} and {what}",
                $"sprints/{review.SprintId}/review#review-feedback-{feedbackId}", Permission.ViewSprintReview, "you gave this feedback"),
            givers, cancellationToken);
    }
}
