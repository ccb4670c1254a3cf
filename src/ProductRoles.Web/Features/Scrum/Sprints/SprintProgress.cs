using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>
/// Writes the day's remaining points for an active sprint, from its sprint backlog as saved. Every
/// command that changes the sprint's work raises <see cref="SprintWorkChanged"/> or
/// <see cref="BacklogWorkChanged"/>, and <see cref="RecordBurndownOnWorkChange"/> calls this inside
/// the command's transaction, so the burndown is built from what was true each day rather than
/// recalculated from today's data.
/// </summary>
public static class SprintProgress
{
    public sealed record Totals(int Scope, int Remaining, int Done);

    public static async Task<Totals> TotalsAsync(AppDbContext db, int sprintId, CancellationToken cancellationToken)
    {
        var items = await db.SprintItems.AsNoTracking()
            .Where(i => i.SprintId == sprintId && i.Outcome != SprintItemOutcome.Removed)
            .Select(i => new { i.Points, Done = i.Outcome == SprintItemOutcome.Done || i.BacklogItem!.Status == BacklogItemStatus.Done })
            .ToListAsync(cancellationToken);
        var scope = items.Sum(i => i.Points);
        var done = items.Where(i => i.Done).Sum(i => i.Points);
        return new Totals(scope, scope - done, done);
    }

    /// <summary>
    /// After a command saved a new status or estimate of backlog items, wherever the user made it (the
    /// item page's Done checklist, the edit form, bulk edit, the sprint board): rewrites today's row of
    /// each active sprint those items are in, so the burndown does not wait for the next sprint change.
    /// </summary>
    public static async Task RecordForItemsAsync(
        AppDbContext db, int productId, IEnumerable<int> backlogItemIds, DateOnly today, CancellationToken cancellationToken)
    {
        var ids = backlogItemIds.ToArray();
        if (ids.Length == 0)
        {
            return;
        }

        var sprintIds = await db.SprintItems.AsNoTracking()
            .Where(i => i.ProductId == productId && ids.Contains(i.BacklogItemId) && i.Outcome != SprintItemOutcome.Removed && i.Sprint!.State == SprintState.Active)
            .Select(i => i.SprintId).Distinct().ToListAsync(cancellationToken);
        foreach (var sprintId in sprintIds)
        {
            await RecordAsync(db, sprintId, today, cancellationToken);
        }
    }

    public static async Task RecordAsync(AppDbContext db, int sprintId, DateOnly today, CancellationToken cancellationToken)
    {
        var sprint = await db.Sprints.AsNoTracking().SingleAsync(s => s.Id == sprintId, cancellationToken);
        if (sprint.State != SprintState.Active)
        {
            return;
        }

        var day = sprint.DayOfSprint(today);
        var totals = await TotalsAsync(db, sprintId, cancellationToken);
        var row = await db.SprintDaySnapshots.SingleOrDefaultAsync(d => d.SprintId == sprintId && d.Day == day, cancellationToken);
        if (row is null)
        {
            db.SprintDaySnapshots.Add(new SprintDaySnapshot { SprintId = sprintId, Day = day, ScopePoints = totals.Scope, RemainingPoints = totals.Remaining });
        }
        else
        {
            row.ScopePoints = totals.Scope;
            row.RemainingPoints = totals.Remaining;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
