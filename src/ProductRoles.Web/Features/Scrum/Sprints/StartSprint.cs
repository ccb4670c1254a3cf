using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>Starts a planned sprint. A product has at most one active sprint at a time.</summary>
[Requires(Permission.PlanSprints)]
public sealed record StartSprint(string ProductSlug, int SprintId, int Version) : ICommand<Unit>, IProductRequest;

public sealed class StartSprintHandler(AppDbContext db, ProductAccessResolver access, TimeProvider clock)
    : ICommandHandler<StartSprint, Unit>
{
    public async ValueTask<Unit> Handle(StartSprint command, CancellationToken cancellationToken)
    {
        var productId = access.Current!.ProductId;
        var sprint = await db.Sprints.SingleOrDefaultAsync(s => s.Id == command.SprintId && s.ProductId == productId, cancellationToken)
            ?? throw new NotFoundException();
        if (sprint.State != SprintState.Planned)
        {
            throw RequestValidationException.For("", sprint.State == SprintState.Active
                ? "This sprint has already started."
                : "This sprint is closed; a sprint runs once.");
        }

        var active = await db.Sprints.AsNoTracking()
            .Where(s => s.ProductId == productId && s.State == SprintState.Active)
            .Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        if (active is not null)
        {
            throw RequestValidationException.For("", $"{active} is still active. Close it before starting the next sprint.");
        }

        db.ExpectVersion(sprint, command.Version);
        sprint.State = SprintState.Active;
        sprint.StartedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesCheckedAsync(cancellationToken);
        await SprintProgress.RecordAsync(db, sprint.Id, SprintQueries.Today(clock), cancellationToken);
        return Unit.Value;
    }
}
