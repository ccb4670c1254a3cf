using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Goals;
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
    IReadOnlyList<PlannedItem> Items, IReadOnlyList<CandidateItem> Candidates, bool HasPlannedSprintAfter,
    bool CanPlan, bool CanSeeRetrospective, bool CanSeeBacklog)
{
    /// <summary>The product goals the sprint serves: those of the roadmap items its backlog items belong to.</summary>
    public IReadOnlyList<ServedGoal> ServesGoals { get; init; } = [];

    /// <summary>Whether the caller may open a goal.</summary>
    public bool CanSeeGoals { get; init; }

    /// <summary>Points currently in the sprint backlog (items taken out excluded).</summary>
    public int PlannedPoints => Items.Where(i => i.Outcome != SprintItemOutcome.Removed).Sum(i => i.Points);
}

/// <summary>A product goal a sprint serves through the roadmap items of its backlog items.</summary>
public sealed record ServedGoal(int Id, string Title);

/// <summary>An item of the sprint backlog.</summary>
public sealed record PlannedItem(int BacklogItemId, string Title, BacklogItemType Type, int Points, BacklogItemStatus Status, SprintItemOutcome Outcome);

/// <summary>An item from the top of the product backlog that could be pulled in, with the running total if it were.</summary>
public sealed record CandidateItem(int Id, string Title, BacklogItemType Type, int? Estimate, BacklogItemStatus Status, int RunningTotal);

public sealed record CarriedAction(int Id, string Title, string? Owner, RetrospectiveActionState State, int FromSprintId, string FromSprint);

public sealed class GetSprintHandler(AppDbContext db, ProductContext product, TimeProvider clock)
    : IQueryHandler<GetSprint, SprintDetails>
{
    private const int CandidateCount = 25;

    public async ValueTask<SprintDetails> Handle(GetSprint query, CancellationToken cancellationToken)
    {
        var sprint = await db.Sprints.AsNoTracking()
            .Where(s => s.Id == query.SprintId)
            .Select(s => new
            {
                Summary = new SprintSummary(s.Id, s.Name, s.Goal, s.StartDate, s.EndDate, s.Capacity, s.State,
                    s.CommittedPoints, s.DonePoints, s.ReturnedPoints),
                s.AllowOverlap, s.Version, s.StartedAt, s.ClosedAt,
            })
            .SingleOrNotFoundAsync(cancellationToken);

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
            .Where(s => s.State == SprintState.Closed)
            .Select(s => new SprintSummary(s.Id, s.Name, s.Goal, s.StartDate, s.EndDate, s.Capacity, s.State,
                s.CommittedPoints, s.DonePoints, s.ReturnedPoints))
            .ToListAsync(cancellationToken);

        var items = await db.SprintItems.AsNoTracking()
            .Where(i => i.SprintId == query.SprintId)
            .OrderBy(i => i.PlannedAt).ThenBy(i => i.Id)
            .Select(i => new PlannedItem(i.BacklogItemId, i.BacklogItem!.Title, i.BacklogItem.Type, i.Points, i.BacklogItem.Status, i.Outcome))
            .ToListAsync(cancellationToken);
        if (burndown is not null && sprint.Summary.State == SprintState.Active)
        {
            // Today is still moving: show the live value for it on top of the recorded days.
            var totals = await SprintProgress.TotalsAsync(db, query.SprintId, cancellationToken);
            var today = SprintQueries.Today(clock);
            var days = await db.SprintDaySnapshots.AsNoTracking()
                .Where(d => d.SprintId == query.SprintId && d.Day != today)
                .Select(d => new DayRemaining(d.Day, d.RemainingPoints, d.ScopePoints))
                .ToListAsync(cancellationToken);
            days.Add(new DayRemaining(today, totals.Remaining, totals.Scope));
            burndown = Burndown.Build(sprint.Summary.StartDate, sprint.Summary.EndDate, days, today);
        }

        var candidates = new List<CandidateItem>();
        var canPlan = product.Can(Permission.PlanSprints);
        if (canPlan && sprint.Summary.State != SprintState.Closed)
        {
            // Ready items first, then New, each in backlog order: the top of each status off the
            // (product, status, rank) index in one statement, instead of sorting every open item.
            var top = (await TopOf(BacklogItemStatus.Ready).Concat(TopOf(BacklogItemStatus.New)).ToListAsync(cancellationToken))
                .OrderBy(i => i.Status == BacklogItemStatus.Ready ? 0 : 1).ThenBy(i => i.Rank, StringComparer.Ordinal)
                .Take(CandidateCount);
            var running = items.Where(i => i.Outcome != SprintItemOutcome.Removed).Sum(i => i.Points);
            foreach (var c in top)
            {
                running += c.Estimate ?? 0;
                candidates.Add(new CandidateItem(c.Id, c.Title, c.Type, c.Estimate, c.Status, running));
            }
        }

        var hasNext = await db.Sprints.AnyAsync(s => s.State == SprintState.Planned
            && s.Id != query.SprintId && s.StartDate >= sprint.Summary.StartDate, cancellationToken);

        var canSeeRetro = product.Can(Permission.ViewRetrospective);
        IReadOnlyList<CarriedAction> actions = canSeeRetro && sprint.Summary.State != SprintState.Closed
            ? await RetrospectiveQueries.OpenActionsBefore(db, sprint.Summary.StartDate, query.SprintId)
                .ToListAsync(cancellationToken)
            : [];

        return new SprintDetails(sprint.Summary, sprint.AllowOverlap, sprint.Version, sprint.StartedAt, sprint.ClosedAt,
            burndown, SprintQueries.Velocity(closed), actions, items, candidates, hasNext, canPlan, canSeeRetro,
            product.Can(Permission.ViewBacklog))
        {
            ServesGoals = [.. (await ServedGoalsAsync(query.SprintId, cancellationToken)).OrderBy(g => g.Title, StringComparer.Ordinal)],
            CanSeeGoals = product.Can(Permission.ViewStrategy),
        };
    }

    private IQueryable<Candidate> TopOf(BacklogItemStatus status) =>
        db.BacklogItems.AsNoTracking().Where(i => i.Status == status).OrderBy(i => i.Rank).Take(CandidateCount)
            .Select(i => new Candidate { Id = i.Id, Title = i.Title, Type = i.Type, Estimate = i.Estimate, Status = i.Status, Rank = i.Rank });

    // Set by member (not a constructor) so that EF can put two of these queries in one UNION ALL.
    private sealed class Candidate
    {
        public int Id { get; init; }
        public string Title { get; init; } = "";
        public BacklogItemType Type { get; init; }
        public int? Estimate { get; init; }
        public BacklogItemStatus Status { get; init; }
        public string Rank { get; init; } = "";
    }

    /// <summary>The product goals of the roadmap items the sprint's backlog items belong to.</summary>
    private Task<List<ServedGoal>> ServedGoalsAsync(int sprintId, CancellationToken cancellationToken) =>
        db.RoadmapItemGoals.AsNoTracking()
            .Where(l => l.Goal!.Level == GoalLevel.Product && db.SprintItems.Any(i => i.SprintId == sprintId
                && i.Outcome != SprintItemOutcome.Removed && i.BacklogItem!.RoadmapItemId == l.RoadmapItemId))
            .Select(l => new ServedGoal(l.GoalId, l.Goal!.Title)).Distinct()
            .ToListAsync(cancellationToken);
}

public static class RetrospectiveQueries
{
    /// <summary>Actions raised in earlier sprints' retrospectives that are neither done nor dropped: they carry over.</summary>
    public static IQueryable<CarriedAction> OpenActionsBefore(AppDbContext db, DateOnly start, int sprintId) =>
        db.RetrospectiveActions.AsNoTracking()
            .Where(a => a.SprintId != sprintId && a.Sprint!.StartDate < start
                && (a.State == RetrospectiveActionState.Open || a.State == RetrospectiveActionState.InProgress))
            .OrderBy(a => a.Sprint!.StartDate).ThenBy(a => a.Id)
            .Select(a => new CarriedAction(a.Id, a.Title, a.Owner == null ? null : a.Owner.DisplayName, a.State, a.SprintId, a.Sprint!.Name));
}
