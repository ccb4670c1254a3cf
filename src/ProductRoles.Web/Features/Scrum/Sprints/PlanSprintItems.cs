using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>Pulls a backlog item into a planned or active sprint's sprint backlog.</summary>
[Requires(Permission.PlanSprints)]
public sealed record PlanSprintItem(string ProductSlug, int SprintId, int BacklogItemId) : ICommand<Unit>, IProductRequest;

public sealed class PlanSprintItemHandler(AppDbContext db, ProductAccessResolver access, TimeProvider clock)
    : ICommandHandler<PlanSprintItem, Unit>
{
    public async ValueTask<Unit> Handle(PlanSprintItem command, CancellationToken cancellationToken)
    {
        var productId = access.Current!.ProductId;
        var sprint = await SprintGuard.OpenSprintAsync(db, productId, command.SprintId, cancellationToken);
        var item = await db.BacklogItems.SingleOrDefaultAsync(i => i.Id == command.BacklogItemId && i.ProductId == productId, cancellationToken)
            ?? throw new NotFoundException();
        if (item.Status is not (BacklogItemStatus.New or BacklogItemStatus.Ready))
        {
            throw RequestValidationException.For("", $"#{item.Id} {item.Title} is {item.Status}; only New or Ready items can be planned into a sprint.");
        }

        if (await db.SprintItems.AnyAsync(i => i.BacklogItemId == item.Id && i.Outcome == SprintItemOutcome.InSprint, cancellationToken))
        {
            throw RequestValidationException.For("", $"#{item.Id} {item.Title} is already in a sprint.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.SprintItems.SingleOrDefaultAsync(i => i.SprintId == sprint.Id && i.BacklogItemId == item.Id, cancellationToken);
        if (existing is null)
        {
            db.SprintItems.Add(new SprintItem
            {
                ProductId = productId, SprintId = sprint.Id, Sprint = sprint, BacklogItemId = item.Id, Title = item.Title,
                Points = item.Estimate ?? 0, Outcome = SprintItemOutcome.InSprint, PlannedAt = now,
            });
        }
        else
        {
            existing.Outcome = SprintItemOutcome.InSprint;
            existing.Points = item.Estimate ?? 0;
            existing.PlannedAt = now;
        }

        item.Status = BacklogItemStatus.Planned;
        item.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await SprintProgress.RecordAsync(db, sprint.Id, SprintQueries.Today(clock), cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Takes an item that is not done out of a planned or active sprint; it goes back to the product backlog as it was.</summary>
[Requires(Permission.PlanSprints)]
public sealed record UnplanSprintItem(string ProductSlug, int SprintId, int BacklogItemId) : ICommand<Unit>, IProductRequest;

public sealed class UnplanSprintItemHandler(AppDbContext db, ProductAccessResolver access, TimeProvider clock)
    : ICommandHandler<UnplanSprintItem, Unit>
{
    public async ValueTask<Unit> Handle(UnplanSprintItem command, CancellationToken cancellationToken)
    {
        var productId = access.Current!.ProductId;
        var sprint = await SprintGuard.OpenSprintAsync(db, productId, command.SprintId, cancellationToken);
        var planned = await db.SprintItems.Include(i => i.BacklogItem)
            .SingleOrDefaultAsync(i => i.SprintId == sprint.Id && i.BacklogItemId == command.BacklogItemId && i.Outcome == SprintItemOutcome.InSprint, cancellationToken)
            ?? throw new NotFoundException();
        var item = planned.BacklogItem!;
        if (item.Status == BacklogItemStatus.Done)
        {
            throw RequestValidationException.For("", "This item is Done; it stays in the sprint's increment.");
        }

        if (sprint.State == SprintState.Planned)
        {
            db.SprintItems.Remove(planned);
        }
        else
        {
            // Once the sprint runs, the row stays so the burndown and history show the scope change.
            planned.Outcome = SprintItemOutcome.Removed;
        }

        item.Status = item.Estimate is null ? BacklogItemStatus.New : BacklogItemStatus.Ready;
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await SprintProgress.RecordAsync(db, sprint.Id, SprintQueries.Today(clock), cancellationToken);
        return Unit.Value;
    }
}

public static class SprintGuard
{
    /// <summary>The sprint, if it belongs to the product and is not closed yet.</summary>
    public static async Task<Sprint> OpenSprintAsync(AppDbContext db, int productId, int sprintId, CancellationToken cancellationToken)
    {
        var sprint = await db.Sprints.SingleOrDefaultAsync(s => s.Id == sprintId && s.ProductId == productId, cancellationToken)
            ?? throw new NotFoundException();
        if (sprint.State == SprintState.Closed)
        {
            throw RequestValidationException.For("", "This sprint is closed; its sprint backlog can no longer change.");
        }

        return sprint;
    }
}
