using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.Charts;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>
/// One sprint: its goal, dates and capacity, its burndown once it has started, the velocity forecast
/// for planning, and (for the Scrum team) the retrospective actions still open from earlier sprints.
/// </summary>
[Requires(Permission.ViewSprints)]
public sealed record GetSprint(string ProductSlug, int SprintId) : IQuery<SprintDetails>, IProductRequest;

public sealed record SprintDetails(
    SprintSummary Sprint, bool AllowOverlap, int Version, DateTime? StartedAt, DateTime? ClosedAt,
    BurndownChart? Burndown, VelocityChart Velocity, IReadOnlyList<CarriedAction> OpenActions,
    bool CanPlan, bool CanSeeRetrospective);

public sealed record CarriedAction(int Id, string Title, string? Owner, RetrospectiveActionState State, int FromSprintId, string FromSprint);

public sealed class GetSprintHandler(AppDbContext db, ProductAccessResolver access, TimeProvider clock)
    : IQueryHandler<GetSprint, SprintDetails>
{
    public async ValueTask<SprintDetails> Handle(GetSprint query, CancellationToken cancellationToken)
    {
        var current = access.Current!;
        var sprint = await db.Sprints.AsNoTracking()
            .Where(s => s.Id == query.SprintId && s.ProductId == current.ProductId)
            .Select(s => new
            {
                Summary = new SprintSummary(s.Id, s.Name, s.Goal, s.StartDate, s.EndDate, s.Capacity, s.State,
                    s.CommittedPoints, s.DonePoints, s.ReturnedPoints),
                s.AllowOverlap, s.Version, s.StartedAt, s.ClosedAt,
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();

        BurndownChart? burndown = null;
        if (sprint.Summary.State != SprintState.Planned)
        {
            var days = await db.SprintDaySnapshots.AsNoTracking()
                .Where(d => d.SprintId == query.SprintId)
                .Select(d => new DayRemaining(d.Day, d.RemainingPoints, d.ScopePoints))
                .ToListAsync(cancellationToken);
            var today = sprint.Summary.State == SprintState.Closed ? sprint.Summary.EndDate : SprintQueries.Today(clock);
            burndown = Burndown.Build(sprint.Summary.StartDate, sprint.Summary.EndDate, days, today);
        }

        var closed = await db.Sprints.AsNoTracking()
            .Where(s => s.ProductId == current.ProductId && s.State == SprintState.Closed)
            .Select(s => new SprintSummary(s.Id, s.Name, s.Goal, s.StartDate, s.EndDate, s.Capacity, s.State,
                s.CommittedPoints, s.DonePoints, s.ReturnedPoints))
            .ToListAsync(cancellationToken);

        var canSeeRetro = current.Can(Permission.ViewRetrospective);
        IReadOnlyList<CarriedAction> actions = canSeeRetro && sprint.Summary.State != SprintState.Closed
            ? await RetrospectiveQueries.OpenActionsBefore(db, current.ProductId, sprint.Summary.StartDate, query.SprintId)
                .ToListAsync(cancellationToken)
            : [];

        return new SprintDetails(sprint.Summary, sprint.AllowOverlap, sprint.Version, sprint.StartedAt, sprint.ClosedAt,
            burndown, SprintQueries.Velocity(closed), actions, current.Can(Permission.PlanSprints), canSeeRetro);
    }
}

public static class RetrospectiveQueries
{
    /// <summary>Actions raised in earlier sprints' retrospectives that are neither done nor dropped: they carry over.</summary>
    public static IQueryable<CarriedAction> OpenActionsBefore(AppDbContext db, int productId, DateOnly start, int sprintId) =>
        db.RetrospectiveActions.AsNoTracking()
            .Where(a => a.ProductId == productId && a.SprintId != sprintId && a.Sprint!.StartDate < start
                && (a.State == RetrospectiveActionState.Open || a.State == RetrospectiveActionState.InProgress))
            .OrderBy(a => a.Sprint!.StartDate).ThenBy(a => a.Id)
            .Select(a => new CarriedAction(a.Id, a.Title, a.Owner == null ? null : a.Owner.DisplayName, a.State, a.SprintId, a.Sprint!.Name));
}
