using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>Starts a planned sprint. A product has at most one active sprint at a time.</summary>
[Requires(Permission.PlanSprints)]
public sealed record StartSprint(string ProductSlug, int SprintId, int Version) : ICommand<Unit>, IProductRequest;

public sealed class StartSprintHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<StartSprint, Unit>
{
    public async ValueTask<Unit> Handle(StartSprint command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var sprint = await db.Sprints.SingleOrNotFoundAsync(s => s.Id == command.SprintId, cancellationToken);
        var active = await db.Sprints.AsNoTracking()
            .Where(s => s.State == SprintState.Active && s.Id != sprint.Id)
            .Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        db.ExpectVersion(sprint, command.Version);
        sprint.Start(clock.GetUtcNow().UtcDateTime, active);
        await db.SaveChangesCheckedAsync(cancellationToken);
        events.Raise(new SprintWorkChanged(productId, sprint.Id));
        events.Raise(new SprintStarted(productId, sprint.Id, user.UserId));
        return Unit.Value;
    }
}
