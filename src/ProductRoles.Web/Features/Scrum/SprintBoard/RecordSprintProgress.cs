using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.SprintBoard;

/// <summary>
/// Writes today's remaining points again from the sprint backlog as saved. Commands that change the
/// sprint's work already do this themselves; this is for data changed outside them.
/// </summary>
[Requires(Permission.MoveSprintCards)]
public sealed record RecordSprintProgress(string ProductSlug, int SprintId) : ICommand<Unit>, IProductRequest;

public sealed class RecordSprintProgressHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<RecordSprintProgress, Unit>
{
    public async ValueTask<Unit> Handle(RecordSprintProgress command, CancellationToken cancellationToken)
    {
        await db.Sprints.EnsureExistsAsync(s => s.Id == command.SprintId, cancellationToken);

        await SprintProgress.RecordAsync(db, command.SprintId, SprintQueries.Today(clock), cancellationToken);
        return Unit.Value;
    }
}
