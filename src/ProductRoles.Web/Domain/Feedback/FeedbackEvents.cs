namespace ProductRoles.Web.Domain.Feedback;

// Customer feedback's domain events. Raised by the feature handlers right after the command's save,
// so each carries the ids the database just gave.

/// <summary>A piece of customer feedback arrived in the inbox (recorded by hand, or left on a sprint review).</summary>
public sealed record CustomerFeedbackReceived(int ProductId, int FeedbackItemId, string? ActorId, FeedbackSourceKind SourceKind)
    : IProductEvent;

/// <summary>The product owner triaged customer feedback: its status, old → new, and its tags.</summary>
public sealed record CustomerFeedbackTriaged(int ProductId, int FeedbackItemId, string? ActorId, FeedbackStatus From, FeedbackStatus To)
    : IProductEvent;

/// <summary>The product owner turned customer feedback into backlog items (each also raises BacklogItemCreated).</summary>
public sealed record CustomerFeedbackTurnedIntoStories(int ProductId, int FeedbackItemId, string? ActorId, IReadOnlyList<int> BacklogItemIds)
    : IProductEvent;
