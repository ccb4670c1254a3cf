using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>Pulls a backlog item into a planned or active sprint's sprint backlog.</summary>
[Requires(Permission.PlanSprints)]
public sealed record PlanSprintItem(string ProductSlug, int SprintId, int BacklogItemId) : ICommand<Unit>, IProductRequest;

public sealed class PlanSprintItemHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<PlanSprintItem, Unit>
{
    public async ValueTask<Unit> Handle(PlanSprintItem command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var sprint = await SprintGuard.OpenSprintAsync(db, command.SprintId, cancellationToken);
        var item = await db.BacklogItems.SingleOrNotFoundAsync(i => i.Id == command.BacklogItemId, cancellationToken);
        var inAnotherSprint = await db.SprintItems.AnyAsync(
            i => i.BacklogItemId == item.Id && i.SprintId != sprint.Id && i.Outcome == SprintItemOutcome.InSprint, cancellationToken);
        sprint.Plan(item, inAnotherSprint, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        events.Raise(new SprintWorkChanged(productId, sprint.Id));
        events.Raise(new SprintItemPlanned(productId, sprint.Id, command.BacklogItemId, user.UserId));
        return Unit.Value;
    }
}
