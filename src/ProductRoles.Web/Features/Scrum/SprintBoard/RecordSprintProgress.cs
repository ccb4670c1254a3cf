using Mediator;
using Microsoft.EntityFrameworkCore;
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

public sealed class RecordSprintProgressHandler(AppDbContext db, ProductAccessResolver access, TimeProvider clock) : ICommandHandler<RecordSprintProgress, Unit>
{
    public async ValueTask<Unit> Handle(RecordSprintProgress command, CancellationToken cancellationToken)
    {
        var productId = access.Current!.ProductId;
        if (!await db.Sprints.AnyAsync(s => s.Id == command.SprintId && s.ProductId == productId, cancellationToken))
        {
            throw new NotFoundException();
        }

        await SprintProgress.RecordAsync(db, command.SprintId, SprintQueries.Today(clock), cancellationToken);
        return Unit.Value;
    }
}
