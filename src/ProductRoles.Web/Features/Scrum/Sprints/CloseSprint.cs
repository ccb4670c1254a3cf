using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>Where the items not done go when a sprint closes: the product owner's choice.</summary>
public enum UnfinishedWork
{
    ReturnToBacklog,
    MoveToNextSprint,
}

/// <summary>
/// Closes the active sprint, once. Done items form the increment; unfinished ones go back to the top of
/// the product backlog (in their sprint order) or into the next planned sprint. The sprint keeps a
/// snapshot of points committed, done and returned, and its sprint review is opened.
/// </summary>
[Requires(Permission.PlanSprints)]
public sealed record CloseSprint(string ProductSlug, int SprintId, UnfinishedWork Unfinished, int Version) : ICommand<Unit>, IProductRequest;

public sealed class CloseSprintValidator : AbstractValidator<CloseSprint>
{
    public CloseSprintValidator() => RuleFor(c => c.Unfinished).IsInEnum().WithMessage("Choose where unfinished items go.");
}

public sealed class CloseSprintHandler(AppDbContext db, ProductAccessResolver access, TimeProvider clock)
    : ICommandHandler<CloseSprint, Unit>
{
    public async ValueTask<Unit> Handle(CloseSprint command, CancellationToken cancellationToken)
    {
        var productId = access.Current!.ProductId;
        var sprint = await db.Sprints.Include(s => s.Items).ThenInclude(i => i.BacklogItem)
            .SingleOrDefaultAsync(s => s.Id == command.SprintId && s.ProductId == productId, cancellationToken)
            ?? throw new NotFoundException();
        if (sprint.State != SprintState.Active)
        {
            throw RequestValidationException.For("", sprint.State == SprintState.Closed
                ? "This sprint is already closed; a sprint closes once."
                : "This sprint hasn't started; start it before closing it.");
        }

        Sprint? next = null;
        if (command.Unfinished == UnfinishedWork.MoveToNextSprint)
        {
            next = await db.Sprints.Where(s => s.ProductId == productId && s.State == SprintState.Planned && s.Id != sprint.Id && s.StartDate >= sprint.StartDate)
                .OrderBy(s => s.StartDate).FirstOrDefaultAsync(cancellationToken)
                ?? throw RequestValidationException.For(nameof(command.Unfinished), "There is no planned sprint to move unfinished items into. Plan the next sprint first, or return them to the backlog.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = SprintQueries.Today(clock);
        db.ExpectVersion(sprint, command.Version);
        var counted = sprint.Items.Where(i => i.Counts).OrderBy(i => i.PlannedAt).ThenBy(i => i.Id).ToList();
        var unfinished = counted.Where(i => i.BacklogItem!.Status != BacklogItemStatus.Done).ToList();
        foreach (var done in counted.Except(unfinished))
        {
            done.Outcome = SprintItemOutcome.Done;
        }

        if (next is null)
        {
            var keys = await BacklogRanking.NewItemKeysAsync(db, productId, onTop: true, unfinished.Count, cancellationToken);
            for (var n = 0; n < unfinished.Count; n++)
            {
                var item = unfinished[n].BacklogItem!;
                unfinished[n].Outcome = SprintItemOutcome.ReturnedToBacklog;
                item.Status = item.Estimate is null ? BacklogItemStatus.New : BacklogItemStatus.Ready;
                item.Rank = keys[n];
                item.UpdatedAt = now;
            }
        }
        else
        {
            foreach (var carried in unfinished)
            {
                // Work already started stays In progress: it carries on in the next sprint.
                carried.Outcome = SprintItemOutcome.MovedToNextSprint;
                next.Items.Add(new SprintItem
                {
                    ProductId = productId, SprintId = next.Id, Sprint = next, BacklogItemId = carried.BacklogItemId, Title = carried.Title,
                    Points = carried.BacklogItem!.Estimate ?? carried.Points, Outcome = SprintItemOutcome.InSprint, PlannedAt = now,
                });
            }
        }

        var committed = counted.Sum(i => i.Points);
        var donePoints = counted.Where(i => i.Outcome == SprintItemOutcome.Done).Sum(i => i.Points);
        sprint.CommittedPoints = committed;
        sprint.DonePoints = donePoints;
        sprint.ReturnedPoints = committed - donePoints;
        sprint.State = SprintState.Closed;
        sprint.ClosedAt = now;

        // The last recorded day: what was left when the sprint closed.
        var lastDay = today < sprint.StartDate ? sprint.StartDate : today > sprint.EndDate ? sprint.EndDate : today;
        var row = await db.SprintDaySnapshots.SingleOrDefaultAsync(d => d.SprintId == sprint.Id && d.Day == lastDay, cancellationToken);
        if (row is null)
        {
            db.SprintDaySnapshots.Add(new SprintDaySnapshot { SprintId = sprint.Id, Day = lastDay, ScopePoints = committed, RemainingPoints = committed - donePoints });
        }
        else
        {
            row.ScopePoints = committed;
            row.RemainingPoints = committed - donePoints;
        }

        if (!await db.SprintReviews.AnyAsync(r => r.SprintId == sprint.Id, cancellationToken))
        {
            db.SprintReviews.Add(new Domain.Sprints.SprintReview { ProductId = productId, SprintId = sprint.Id, Sprint = sprint });
        }

        db.ActivityNote = $"Closed: {donePoints} of {committed} points done" +
            (unfinished.Count == 0 ? "" : next is null ? $", {unfinished.Count} items returned to the backlog" : $", {unfinished.Count} items moved to {next.Name}");
        await db.SaveChangesCheckedAsync(cancellationToken);
        return Unit.Value;
    }
}
