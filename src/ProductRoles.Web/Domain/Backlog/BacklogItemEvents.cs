namespace ProductRoles.Web.Domain.Backlog;

// The backlog's domain events. Raised by the feature handlers (never by entities) right after the
// command's save, like BacklogWorkChanged, so each carries the ids the database just gave.

/// <summary>A backlog item was written; <paramref name="FromFeedbackId"/> when it was made from customer feedback.</summary>
public sealed record BacklogItemCreated(int ProductId, int BacklogItemId, string? ActorId, string Title, int? FromFeedbackId = null)
    : IProductEvent;

/// <summary>
/// Fields of a backlog item changed (title, status, estimate, tags, roadmap item, story, criteria …),
/// old → new per field. Moves, Done and removal have events of their own as well.
/// </summary>
public sealed record BacklogItemChanged(int ProductId, int BacklogItemId, string? ActorId, IReadOnlyList<FieldChange> Changes)
    : IProductEvent;

/// <summary>A backlog item moved in the order, from one 1-based position to another.</summary>
public sealed record BacklogItemMoved(int ProductId, int BacklogItemId, string? ActorId, int From, int To) : IProductEvent;

/// <summary>A backlog item met the Definition of Done (version <paramref name="DefinitionOfDoneNumber"/>).</summary>
public sealed record BacklogItemMarkedDone(int ProductId, int BacklogItemId, string? ActorId, int DefinitionOfDoneNumber, int? SprintId)
    : IProductEvent;

/// <summary>A backlog item was set to Removed (its history stays; it leaves the working backlog).</summary>
public sealed record BacklogItemRemoved(int ProductId, int BacklogItemId, string? ActorId) : IProductEvent;

/// <summary>A team member commented on a backlog item; <paramref name="Text"/> is the comment (its @mentions notify).</summary>
public sealed record BacklogItemCommented(int ProductId, int BacklogItemId, string? ActorId, int CommentId, string Text = "") : IProductEvent;

/// <summary>
/// One batch of an import was written: the items it created and the existing items (matched by key) it updated.
/// One event per batch (up to 500 items), not one per item, so live pages get one note and webhooks one pass.
/// </summary>
public sealed record BacklogItemsImported(
    int ProductId, int ImportId, string? ActorId, string ActorName, IReadOnlyList<int> CreatedIds, IReadOnlyList<int> UpdatedIds)
    : IProductEvent;
