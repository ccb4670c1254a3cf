using System.Globalization;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Infrastructure.Live;

/// <summary>
/// Turns the product events into live changes: which pages (topics) they touch, and a short note of
/// who did what, in words the note's audience may read (ids, and names they can see on the page).
/// Runs inside the command's transaction; <see cref="LiveChanges"/> sends after the commit.
/// </summary>
public sealed class LiveChangeHandler(LiveChanges live, ICurrentUser user) :
    IDomainEventHandler<BacklogItemCreated>, IDomainEventHandler<BacklogItemChanged>, IDomainEventHandler<BacklogItemMoved>,
    IDomainEventHandler<BacklogItemMarkedDone>, IDomainEventHandler<BacklogItemRemoved>, IDomainEventHandler<BacklogItemCommented>,
    IDomainEventHandler<SprintCreated>, IDomainEventHandler<SprintChanged>, IDomainEventHandler<SprintItemPlanned>,
    IDomainEventHandler<SprintItemUnplanned>, IDomainEventHandler<SprintCardMoved>, IDomainEventHandler<SprintTaskAdded>,
    IDomainEventHandler<SprintTaskChanged>, IDomainEventHandler<SprintStarted>, IDomainEventHandler<SprintClosed>,
    IDomainEventHandler<SprintReviewReady>, IDomainEventHandler<SprintReviewRecorded>, IDomainEventHandler<SprintReviewFeedbackGiven>,
    IDomainEventHandler<RoadmapItemCreated>, IDomainEventHandler<RoadmapItemChanged>, IDomainEventHandler<RoadmapItemMoved>,
    IDomainEventHandler<RoadmapItemStatusChanged>, IDomainEventHandler<RoadmapPublished>, IDomainEventHandler<RoadmapFeedbackGiven>,
    IDomainEventHandler<RoadmapFeedbackAnswered>, IDomainEventHandler<CustomerFeedbackReceived>, IDomainEventHandler<CustomerFeedbackTriaged>,
    IDomainEventHandler<CustomerFeedbackTurnedIntoStories>, IDomainEventHandler<ProductMemberRemoved>, IDomainEventHandler<ProductMemberRoleChanged>,
    IDomainEventHandler<BacklogItemsImported>
{
    // An import runs in the background: no current user, so the note names who started it.
    public Task HandleAsync(BacklogItemsImported e, CancellationToken cancellationToken) =>
        Add(e, $"{e.ActorName} imported {Count(e.CreatedIds.Count, "new item")}{(e.UpdatedIds.Count > 0 ? $" and updated {Count(e.UpdatedIds.Count, "item")}" : "")}",
            [LiveTopics.Backlog, .. e.UpdatedIds.Select(LiveTopics.BacklogItem)]);

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n:N0} {noun}s";

    private string Who => user.UserId is null ? "Someone" : user.Name;

    public Task HandleAsync(BacklogItemCreated e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} added #{e.BacklogItemId} “{e.Title}”", LiveTopics.Backlog, LiveTopics.BacklogItem(e.BacklogItemId));

    public Task HandleAsync(BacklogItemChanged e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} {Changed($"#{e.BacklogItemId}", e.Changes)}",
            LiveTopics.BacklogItem(e.BacklogItemId), LiveTopics.Backlog, LiveTopics.SprintItems);

    public Task HandleAsync(BacklogItemMoved e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} moved #{e.BacklogItemId} from position {e.From} to {e.To}", LiveTopics.Backlog, LiveTopics.BacklogItem(e.BacklogItemId));

    public Task HandleAsync(BacklogItemMarkedDone e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} marked #{e.BacklogItemId} Done", LiveTopics.BacklogItem(e.BacklogItemId), LiveTopics.Backlog, LiveTopics.SprintItems);

    public Task HandleAsync(BacklogItemRemoved e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} removed #{e.BacklogItemId} from the backlog", LiveTopics.Backlog, LiveTopics.BacklogItem(e.BacklogItemId));

    public Task HandleAsync(BacklogItemCommented e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} commented on #{e.BacklogItemId}", LiveTopics.BacklogItem(e.BacklogItemId));

    public Task HandleAsync(SprintCreated e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} planned the sprint “{e.Name}”", LiveTopics.Sprints);

    public Task HandleAsync(SprintChanged e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} {Changed("the sprint", e.Changes)}", LiveTopics.Sprint(e.SprintId), LiveTopics.Sprints);

    public Task HandleAsync(SprintItemPlanned e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} planned #{e.BacklogItemId} into the sprint",
            LiveTopics.Sprint(e.SprintId), LiveTopics.Sprints, LiveTopics.Backlog, LiveTopics.BacklogItem(e.BacklogItemId));

    public Task HandleAsync(SprintItemUnplanned e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} took #{e.BacklogItemId} out of the sprint",
            LiveTopics.Sprint(e.SprintId), LiveTopics.Sprints, LiveTopics.Backlog, LiveTopics.BacklogItem(e.BacklogItemId));

    public Task HandleAsync(SprintCardMoved e, CancellationToken cancellationToken) =>
        // In the board's words: a card back from In progress is in "To do" (its item is Planned).
        Add(e, $"{Who} moved #{e.BacklogItemId} to {(e.To == BacklogItemStatus.Planned ? "To do" : e.To.Display())}",
            LiveTopics.Sprint(e.SprintId), LiveTopics.Backlog, LiveTopics.BacklogItem(e.BacklogItemId));

    public Task HandleAsync(SprintTaskAdded e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} added the task “{e.Title}” to #{e.BacklogItemId}", LiveTopics.Sprint(e.SprintId));

    public Task HandleAsync(SprintTaskChanged e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} updated a task of #{e.BacklogItemId}", LiveTopics.Sprint(e.SprintId));

    public Task HandleAsync(SprintStarted e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} started the sprint", LiveTopics.Sprint(e.SprintId), LiveTopics.Sprints);

    public Task HandleAsync(SprintClosed e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} closed the sprint: {e.DonePoints} of {e.CommittedPoints} points done",
            LiveTopics.Sprint(e.SprintId), LiveTopics.Sprints, LiveTopics.Backlog);

    public Task HandleAsync(SprintReviewReady e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} closed a sprint: its review is ready", LiveTopics.SprintReviews, LiveTopics.SprintReview(e.SprintId));

    public Task HandleAsync(SprintReviewRecorded e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} updated the sprint review", LiveTopics.SprintReview(e.SprintId), LiveTopics.SprintReviews);

    public Task HandleAsync(SprintReviewFeedbackGiven e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} left feedback on the sprint review", LiveTopics.SprintReview(e.SprintId));

    public Task HandleAsync(RoadmapItemCreated e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} added “{e.Title}” to {e.Horizon.Display()}", LiveTopics.Roadmap, LiveTopics.RoadmapItem(e.RoadmapItemId));

    public Task HandleAsync(RoadmapItemChanged e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} {Changed($"roadmap item #{e.RoadmapItemId}", e.Changes)}", LiveTopics.RoadmapItem(e.RoadmapItemId), LiveTopics.Roadmap);

    public Task HandleAsync(RoadmapItemMoved e, CancellationToken cancellationToken) =>
        Add(e, e.FromHorizon == e.ToHorizon
                ? $"{Who} moved roadmap item #{e.RoadmapItemId} to place {e.ToPosition} in {e.ToHorizon.Display()}"
                : $"{Who} moved roadmap item #{e.RoadmapItemId} to {e.ToHorizon.Display()}",
            LiveTopics.Roadmap, LiveTopics.RoadmapItem(e.RoadmapItemId));

    public Task HandleAsync(RoadmapItemStatusChanged e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} set roadmap item #{e.RoadmapItemId} to {e.To.Display()}", LiveTopics.Roadmap, LiveTopics.RoadmapItem(e.RoadmapItemId));

    public Task HandleAsync(RoadmapPublished e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} published the roadmap", LiveTopics.PublishedRoadmap, LiveTopics.Roadmap);

    public Task HandleAsync(RoadmapFeedbackGiven e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} gave feedback on roadmap item #{e.RoadmapItemId}",
            LiveTopics.RoadmapItem(e.RoadmapItemId), LiveTopics.RoadmapFeedback, LiveTopics.Roadmap);

    public Task HandleAsync(RoadmapFeedbackAnswered e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} marked feedback on roadmap item #{e.RoadmapItemId} {e.To.Display()}",
            LiveTopics.RoadmapItem(e.RoadmapItemId), LiveTopics.RoadmapFeedback, LiveTopics.Roadmap);

    public Task HandleAsync(CustomerFeedbackReceived e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} added feedback #{e.FeedbackItemId} to the inbox", LiveTopics.Feedback, LiveTopics.FeedbackItem(e.FeedbackItemId));

    public Task HandleAsync(CustomerFeedbackTriaged e, CancellationToken cancellationToken) =>
        Add(e, $"{Who} marked feedback #{e.FeedbackItemId} {e.To.Display()}", LiveTopics.Feedback, LiveTopics.FeedbackItem(e.FeedbackItemId));

    public Task HandleAsync(CustomerFeedbackTurnedIntoStories e, CancellationToken cancellationToken) =>
        Add(e, string.Create(CultureInfo.InvariantCulture,
                $"{Who} turned feedback #{e.FeedbackItemId} into {e.BacklogItemIds.Count} backlog item{(e.BacklogItemIds.Count == 1 ? "" : "s")}"),
            LiveTopics.Feedback, LiveTopics.FeedbackItem(e.FeedbackItemId));

    public Task HandleAsync(ProductMemberRemoved e, CancellationToken cancellationToken)
    {
        live.AccessChanged(e.ProductId, e.UserId);
        return Task.CompletedTask;
    }

    public Task HandleAsync(ProductMemberRoleChanged e, CancellationToken cancellationToken)
    {
        live.AccessChanged(e.ProductId, e.UserId);
        return Task.CompletedTask;
    }

    /// <summary>"set #12 to In progress" for a status change, else "changed #12: title, estimate".</summary>
    private static string Changed(string what, IReadOnlyList<FieldChange> changes)
    {
        if (changes.Count == 1 && changes[0] is { Field: "Status", New: { } status })
        {
            return $"set {what} to {status}";
        }

        return $"changed {what}: {string.Join(", ", changes.Select(c => c.Field.ToLowerInvariant()))}";
    }

    private Task Add(IProductEvent e, string note, params string[] topics)
    {
        live.Add(new LiveChange(e.ProductId, e.ActorId, note, topics));
        return Task.CompletedTask;
    }
}
