using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Events;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>
/// Keeps today's burndown row of an active sprint in step with its work, whichever area changed it
/// (the backlog's edit, bulk edit and Done checklist, or the sprint's own commands), inside the same
/// transaction, so the chart never shows work that was not saved or misses work that was.
/// </summary>
public sealed class RecordBurndownOnWorkChange(AppDbContext db, TimeProvider clock)
    : IDomainEventHandler<BacklogWorkChanged>, IDomainEventHandler<SprintWorkChanged>
{
    public Task HandleAsync(BacklogWorkChanged domainEvent, CancellationToken cancellationToken) =>
        SprintProgress.RecordForItemsAsync(db, domainEvent.ProductId, domainEvent.BacklogItemIds, SprintQueries.Today(clock), cancellationToken);

    public Task HandleAsync(SprintWorkChanged domainEvent, CancellationToken cancellationToken) =>
        SprintProgress.RecordAsync(db, domainEvent.SprintId, SprintQueries.Today(clock), cancellationToken);
}
