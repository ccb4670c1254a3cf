using ProductRoles.Web.Domain.Backlog;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Goals;

/// <summary>The product's goals with their key results and progress; archived goals only on request.</summary>
[Requires(Permission.ViewStrategy)]
public sealed record GetGoals(string ProductSlug, bool IncludeArchived = false) : IQuery<GoalList>, IProductRequest;

public sealed record GoalList(IReadOnlyList<GoalView> Goals, IReadOnlyList<GoalOption> CompanyGoals, int ArchivedCount)
{
    /// <summary>Whether the caller may change it (the permission table, for the caller's role).</summary>
    public bool CanEdit { get; init; }
}

public sealed record GoalOption(int Id, string Title);

public sealed record GoalView(
    int Id, string Title, string? Description, GoalLevel Level, int? CompanyGoalId, string? CompanyGoalTitle,
    bool IsArchived, int Version, IReadOnlyList<KeyResultView> KeyResults)
{
    /// <summary>The product goals that serve this company goal (not archived), with their own progress.</summary>
    public IReadOnlyList<GoalView> ProductGoals { get; init; } = [];

    /// <summary>Its key results' average; a company goal's rolls up its product goals too.</summary>
    public int Progress => Goal.RolledUpProgress(KeyResults.Select(k => k.Progress), ProductGoals.Select(g => g.Progress));
}

public sealed record KeyResultView(
    int Id, string Metric, decimal Baseline, decimal Target, decimal Current, DateOnly DueOn, int Version)
{
    public int Progress => KeyResult.ProgressPercent(Baseline, Target, Current);

    public KeyResultMeasure MeasuredBy { get; init; }

    public DateOnly? LastCheckInOn { get; init; }

    /// <summary>Not checked in for <see cref="KeyResult.StaleAfterDays"/> days though measured by check-ins or the API.</summary>
    public bool IsStale { get; init; }

    /// <summary>Its check-ins, latest first.</summary>
    public IReadOnlyList<CheckInView> CheckIns { get; init; } = [];
}

public sealed record CheckInView(decimal Value, DateOnly On, string? Note, string ByName);

public sealed class GetGoalsHandler(AppDbContext db, ProductContext product, TimeProvider clock) : IQueryHandler<GetGoals, GoalList>
{
    public async ValueTask<GoalList> Handle(GetGoals query, CancellationToken cancellationToken)
    {
        var goals = await GoalQueries.Load(db, GoalQueries.Today(clock), query.IncludeArchived ? null : false, cancellationToken);
        var companyGoals = goals.Where(g => g.Level == GoalLevel.Company && !g.IsArchived).Select(g => new GoalOption(g.Id, g.Title)).ToList();
        var archived = await db.Goals.CountAsync(g => g.IsArchived, cancellationToken);
        return new GoalList(goals, companyGoals, archived) { CanEdit = product.Can(Permission.EditStrategy) };
    }
}

internal static class GoalQueries
{
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The goals with their key results in one statement. A key result measured from delivery reads its
    /// value live: the share of done points of the roadmap items that serve its goal, in percent.
    /// </summary>
    public static async Task<List<GoalView>> Load(AppDbContext db, DateOnly today, bool? archived, CancellationToken cancellationToken, int? goalId = null)
    {
        // A company goal's progress needs the product goals that serve it, so one goal is read with them.
        var goals = await db.Goals.AsNoTracking()
            .Where(g => (archived == null || g.IsArchived == archived || (goalId != null && g.CompanyGoalId == goalId))
                && (goalId == null || g.Id == goalId || (g.CompanyGoalId == goalId && !g.IsArchived)))
            .OrderBy(g => g.Level == GoalLevel.Company ? 0 : 1).ThenBy(g => g.Id)
            .Select(g => new
            {
                g.Id, g.Title, g.Description, g.Level, g.CompanyGoalId, CompanyGoalTitle = g.CompanyGoal == null ? null : g.CompanyGoal.Title,
                g.IsArchived, g.Version,
                KeyResults = g.KeyResults.OrderBy(k => k.Id)
                    .Select(k => new
                    {
                        k.Id, k.Metric, k.Baseline, k.Target, k.Current, k.DueOn, k.Version, k.MeasuredBy, k.LastCheckInOn,
                        CheckIns = db.KeyResultCheckIns.Where(c => c.KeyResultId == k.Id).OrderByDescending(c => c.On).ThenByDescending(c => c.Id)
                            .Take(24).Select(c => new CheckInView(c.Value, c.On, c.Note, c.ByName)).ToList(),
                    }).ToList(),
                DeliveryDone = db.BacklogItems
                    .Where(b => b.Status == BacklogItemStatus.Done && db.RoadmapItemGoals.Any(l => l.GoalId == g.Id && l.RoadmapItemId == b.RoadmapItemId))
                    .Sum(b => b.Estimate ?? 0),
                DeliveryTotal = db.BacklogItems
                    .Where(b => b.Status != BacklogItemStatus.Removed && db.RoadmapItemGoals.Any(l => l.GoalId == g.Id && l.RoadmapItemId == b.RoadmapItemId))
                    .Sum(b => b.Estimate ?? 0),
                g.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        var views = goals.Select(g =>
        {
            var deliveredShare = g.DeliveryTotal == 0 ? 0m : Math.Round(g.DeliveryDone * 100m / g.DeliveryTotal, 1);
            var keyResults = g.KeyResults.Select(k => new KeyResultView(k.Id, k.Metric, k.Baseline, k.Target,
                    k.MeasuredBy == KeyResultMeasure.Delivery ? deliveredShare : k.Current, k.DueOn, k.Version)
                {
                    MeasuredBy = k.MeasuredBy, LastCheckInOn = k.LastCheckInOn, CheckIns = k.CheckIns,
                    IsStale = KeyResult.IsStale(k.MeasuredBy, k.LastCheckInOn, DateOnly.FromDateTime(g.CreatedAt), today),
                }).ToList();
            return new GoalView(g.Id, g.Title, g.Description, g.Level, g.CompanyGoalId, g.CompanyGoalTitle, g.IsArchived, g.Version, keyResults);
        }).ToList();
        var byCompanyGoal = views.Where(v => v.CompanyGoalId is not null && !v.IsArchived).ToLookup(v => v.CompanyGoalId!.Value);
        return views
            .Select(v => v.Level == GoalLevel.Company ? v with { ProductGoals = [.. byCompanyGoal[v.Id]] } : v)
            .Where(v => goalId == null || v.Id == goalId)
            .ToList();
    }
}
