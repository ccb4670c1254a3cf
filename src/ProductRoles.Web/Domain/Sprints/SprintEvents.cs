namespace ProductRoles.Web.Domain.Sprints;

// The sprint's domain events. Raised by the feature handlers right after the command's save (as
// SprintWorkChanged is), so each carries the ids the database just gave.

/// <summary>A sprint was planned (created) with its dates and goal.</summary>
public sealed record SprintCreated(int ProductId, int SprintId, string? ActorId, string Name) : IProductEvent;

/// <summary>A sprint's name, goal, dates or capacity changed.</summary>
public sealed record SprintChanged(int ProductId, int SprintId, string? ActorId, IReadOnlyList<FieldChange> Changes) : IProductEvent;

/// <summary>A backlog item was planned into a sprint's backlog.</summary>
public sealed record SprintItemPlanned(int ProductId, int SprintId, int BacklogItemId, string? ActorId) : IProductEvent;

/// <summary>A backlog item was taken out of a sprint's backlog, back to the product backlog.</summary>
public sealed record SprintItemUnplanned(int ProductId, int SprintId, int BacklogItemId, string? ActorId) : IProductEvent;

/// <summary>A card moved on the sprint board: its backlog item's status, old → new.</summary>
public sealed record SprintCardMoved(
    int ProductId, int SprintId, int BacklogItemId, string? ActorId, Backlog.BacklogItemStatus From, Backlog.BacklogItemStatus To)
    : IProductEvent;

/// <summary>A task was added to a card on the sprint board.</summary>
public sealed record SprintTaskAdded(int ProductId, int SprintId, int BacklogItemId, int TaskId, string? ActorId, string Title, string? OwnerId = null)
    : IProductEvent;

/// <summary>A task's owner, state or remaining hours changed, old → new per field.</summary>
public sealed record SprintTaskChanged(
    int ProductId, int SprintId, int BacklogItemId, int TaskId, string? ActorId, IReadOnlyList<FieldChange> Changes)
    : IProductEvent;

/// <summary>A planned sprint started.</summary>
public sealed record SprintStarted(int ProductId, int SprintId, string? ActorId) : IProductEvent;

/// <summary>
/// A sprint closed: its increment is formed and the unfinished items went back to the backlog or to
/// the next sprint (<paramref name="NextSprintId"/>).
/// </summary>
public sealed record SprintClosed(
    int ProductId, int SprintId, string? ActorId, int DonePoints, int CommittedPoints, IReadOnlyList<int> UnfinishedBacklogItemIds,
    int? NextSprintId)
    : IProductEvent;

/// <summary>A closed sprint's review is open for stakeholders (raised when the sprint closes).</summary>
public sealed record SprintReviewReady(int ProductId, int SprintId, string? ActorId) : IProductEvent;

/// <summary>The product owner recorded the review's outcome: goal met or not, notes (before and after: new @mentions notify).</summary>
public sealed record SprintReviewRecorded(int ProductId, int SprintId, string? ActorId, bool? GoalMet, string? Notes = null, string? NotesBefore = null)
    : IProductEvent;

/// <summary>
/// A member (typically a stakeholder) left feedback on a sprint review. It also arrived in the
/// customer feedback inbox as <paramref name="FeedbackItemId"/>, so CustomerFeedbackReceived is raised too.
/// </summary>
public sealed record SprintReviewFeedbackGiven(int ProductId, int SprintId, int FeedbackItemId, string? ActorId) : IProductEvent;
