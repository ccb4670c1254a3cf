using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>Takes an item that is not done out of a planned or active sprint; it goes back to the product backlog as it was.</summary>
[Requires(Permission.PlanSprints)]
public sealed record UnplanSprintItem(string ProductSlug, int SprintId, int BacklogItemId) : ICommand<Unit>, IProductRequest;

public sealed class UnplanSprintItemHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<UnplanSprintItem, Unit>
{
    public async ValueTask<Unit> Handle(UnplanSprintItem command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var sprint = await SprintGuard.OpenSprintAsync(db, command.SprintId, cancellationToken);
        var planned = await db.SprintItems.Include(i => i.BacklogItem)
            .SingleOrNotFoundAsync(i => i.SprintId == sprint.Id && i.BacklogItemId == command.BacklogItemId && i.Outcome == SprintItemOutcome.InSprint, cancellationToken);
        sprint.Unplan(planned, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        events.Raise(new SprintWorkChanged(productId, sprint.Id));
        events.Raise(new SprintItemUnplanned(productId, sprint.Id, command.BacklogItemId, user.UserId));
        return Unit.Value;
    }
}
