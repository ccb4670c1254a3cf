namespace ProductRoles.Web.Domain.Roadmap;

// The roadmap's domain events. Raised by the feature handlers right after the command's save, so
// each carries the ids the database just gave.

/// <summary>A roadmap item was created in a horizon.</summary>
public sealed record RoadmapItemCreated(int ProductId, int RoadmapItemId, string? ActorId, string Title, RoadmapHorizon Horizon)
    : IProductEvent;

/// <summary>
/// Fields of a roadmap item changed through its form, old → new per field. A change of horizon or
/// status raises <see cref="RoadmapItemMoved"/> or <see cref="RoadmapItemStatusChanged"/> as well.
/// </summary>
public sealed record RoadmapItemChanged(int ProductId, int RoadmapItemId, string? ActorId, IReadOnlyList<FieldChange> Changes)
    : IProductEvent;

/// <summary>A roadmap item moved on the board: to another horizon or place (1-based positions within a horizon).</summary>
public sealed record RoadmapItemMoved(
    int ProductId, int RoadmapItemId, string? ActorId, RoadmapHorizon FromHorizon, int FromPosition, RoadmapHorizon ToHorizon, int ToPosition)
    : IProductEvent;

/// <summary>A roadmap item's status changed, old → new.</summary>
public sealed record RoadmapItemStatusChanged(int ProductId, int RoadmapItemId, string? ActorId, RoadmapItemStatus From, RoadmapItemStatus To)
    : IProductEvent;

/// <summary>The product manager published the roadmap: stakeholders now see this snapshot.</summary>
public sealed record RoadmapPublished(int ProductId, int PublishedRoadmapId, string? ActorId, int ItemCount) : IProductEvent;

/// <summary>A member gave the product manager feedback on a roadmap item; <paramref name="Body"/> is what they wrote.</summary>
public sealed record RoadmapFeedbackGiven(int ProductId, int RoadmapItemId, int FeedbackId, string? ActorId, RoadmapFeedbackKind Kind, string Body = "")
    : IProductEvent;

/// <summary>The product manager answered or resolved feedback on a roadmap item: its status, old → new.</summary>
public sealed record RoadmapFeedbackAnswered(
    int ProductId, int RoadmapItemId, int FeedbackId, string? ActorId, RoadmapFeedbackStatus From, RoadmapFeedbackStatus To, string? Answer = null)
    : IProductEvent;
