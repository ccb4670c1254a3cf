using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>
/// The current sprint at a glance for the product home: its goal, days left, points done against the
/// sprint backlog and the caller's own open tasks; without an active sprint, the next planned one.
/// </summary>
[Requires(Permission.ViewSprints)]
public sealed record GetCurrentSprint(string ProductSlug) : IQuery<CurrentSprintView>, IProductRequest;

/// <summary>Either <see cref="Active"/> or <see cref="Next"/> (or neither) is set.</summary>
public sealed record CurrentSprintView(ActiveSprint? Active, NextSprint? Next, bool CanPlan);

public sealed record ActiveSprint(
    int Id, string Name, string Goal, DateOnly StartDate, DateOnly EndDate, int Day, int DaysLeft,
    int DonePoints, int CommittedPoints, IReadOnlyList<OwnTask> MyTasks)
{
    public int LengthInDays => EndDate.DayNumber - StartDate.DayNumber + 1;

    public int PercentDone => CommittedPoints == 0 ? 0 : DonePoints * 100 / CommittedPoints;
}

/// <summary>A task on the sprint board that the caller owns and has not finished.</summary>
public sealed record OwnTask(int Id, string Title, int BacklogItemId, string ItemTitle, int RemainingHours, SprintTaskState State);

public sealed record NextSprint(int Id, string Name, string Goal, DateOnly StartDate, DateOnly EndDate);

public sealed class GetCurrentSprintHandler(AppDbContext db, ProductContext product, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetCurrentSprint, CurrentSprintView>
{
    public async ValueTask<CurrentSprintView> Handle(GetCurrentSprint query, CancellationToken cancellationToken)
    {
        var today = SprintQueries.Today(clock);
        var canPlan = product.Can(Permission.PlanSprints);

        // One statement finds the active sprint, or else the next planned one that has not ended yet.
        var sprint = await db.Sprints.AsNoTracking()
            .Where(s => s.State == SprintState.Active || (s.State == SprintState.Planned && s.EndDate >= today))
            .OrderBy(s => s.State == SprintState.Active ? 0 : 1).ThenBy(s => s.StartDate).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.Goal, s.StartDate, s.EndDate, s.State })
            .FirstOrDefaultAsync(cancellationToken);
        if (sprint is null)
        {
            return new CurrentSprintView(null, null, canPlan);
        }

        if (sprint.State != SprintState.Active)
        {
            return new CurrentSprintView(null, new NextSprint(sprint.Id, sprint.Name, sprint.Goal, sprint.StartDate, sprint.EndDate), canPlan);
        }

        // The same totals the burndown records, so the panel and the chart agree.
        var totals = await SprintProgress.TotalsAsync(db, sprint.Id, cancellationToken);
        var userId = user.UserId;
        var tasks = await db.SprintTasks.AsNoTracking()
            .Where(t => t.SprintItem!.SprintId == sprint.Id && t.SprintItem.Outcome != SprintItemOutcome.Removed
                && t.OwnerId == userId && t.State != SprintTaskState.Done)
            .OrderBy(t => t.State == SprintTaskState.InProgress ? 0 : 1).ThenBy(t => t.Id)
            .Select(t => new OwnTask(t.Id, t.Title, t.SprintItem!.BacklogItemId, t.SprintItem.BacklogItem!.Title, t.RemainingHours, t.State))
            .ToListAsync(cancellationToken);

        // Days left count today; before the first day it is the whole sprint, after the last none.
        var from = today < sprint.StartDate ? sprint.StartDate : today;
        var daysLeft = Math.Max(0, sprint.EndDate.DayNumber - from.DayNumber + 1);
        var day = Math.Clamp(from.DayNumber - sprint.StartDate.DayNumber + 1, 1, sprint.EndDate.DayNumber - sprint.StartDate.DayNumber + 1);
        return new CurrentSprintView(
            new ActiveSprint(sprint.Id, sprint.Name, sprint.Goal, sprint.StartDate, sprint.EndDate, day, daysLeft, totals.Done, totals.Scope, tasks),
            null, canPlan);
    }
}
