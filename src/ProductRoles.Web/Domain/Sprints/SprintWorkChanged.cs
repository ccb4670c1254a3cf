namespace ProductRoles.Web.Domain.Sprints;

/// <summary>A sprint started, or items were planned into or taken out of its sprint backlog.</summary>
public sealed record SprintWorkChanged(int ProductId, int SprintId) : IDomainEvent;
