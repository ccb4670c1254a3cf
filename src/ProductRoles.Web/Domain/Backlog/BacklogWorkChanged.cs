namespace ProductRoles.Web.Domain.Backlog;

/// <summary>The status or estimate of these backlog items changed (edited, bulk edited, moved on the board, marked Done).</summary>
public sealed record BacklogWorkChanged(int ProductId, IReadOnlyList<int> BacklogItemIds) : IDomainEvent;
