using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Ranking;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>Where the items not done go when a sprint closes: the product owner's choice.</summary>
public enum UnfinishedWork
{
    [Display(Name = "Return to backlog")]
    ReturnToBacklog,
    [Display(Name = "Move to next sprint")]
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

public sealed class CloseSprintHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<CloseSprint, Unit>
{
    public async ValueTask<Unit> Handle(CloseSprint command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var sprint = await db.Sprints.Include(s => s.Items).ThenInclude(i => i.BacklogItem)
            .SingleOrNotFoundAsync(s => s.Id == command.SprintId, cancellationToken);
        sprint.EnsureCanClose();
        Sprint? next = null;
        if (command.Unfinished == UnfinishedWork.MoveToNextSprint)
        {
            next = await db.Sprints.Where(s => s.State == SprintState.Planned && s.Id != sprint.Id && s.StartDate >= sprint.StartDate)
                .OrderBy(s => s.StartDate).FirstOrDefaultAsync(cancellationToken)
                ?? throw RequestValidationException.For(nameof(command.Unfinished), "There is no planned sprint to move unfinished items into. Plan the next sprint first, or return them to the backlog.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = SprintQueries.Today(clock);
        db.ExpectVersion(sprint, command.Version);
        var unfinishedIds = sprint.UnfinishedItems().Select(i => i.BacklogItemId).ToList();
        var unfinishedCount = unfinishedIds.Count;
        var keys = next is null
            ? await BacklogOrder.NewItemKeysAsync(db, productId, onTop: true, unfinishedCount, cancellationToken)
            : [];
        var closing = sprint.Close(now, next, keys);
        var committed = closing.CommittedPoints;
        var donePoints = closing.DonePoints;

        // The last recorded day: what was left when the sprint closed.
        var lastDay = sprint.DayOfSprint(today);
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
            (closing.UnfinishedItems == 0 ? "" : next is null ? $", {closing.UnfinishedItems} items returned to the backlog" : $", {closing.UnfinishedItems} items moved to {next.Name}");
        await db.SaveChangesCheckedAsync(cancellationToken);
        events.Raise(new SprintClosed(productId, sprint.Id, user.UserId, donePoints, committed, unfinishedIds, next?.Id));
        events.Raise(new SprintReviewReady(productId, sprint.Id, user.UserId));
        return Unit.Value;
    }
}
