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
    public int Progress => Goal.AverageProgress(KeyResults.Select(k => k.Progress));
}

public sealed record KeyResultView(
    int Id, string Metric, decimal Baseline, decimal Target, decimal Current, DateOnly DueOn, int Version)
{
    public int Progress => KeyResult.ProgressPercent(Baseline, Target, Current);
}

public sealed class GetGoalsHandler(AppDbContext db, ProductContext product) : IQueryHandler<GetGoals, GoalList>
{
    public async ValueTask<GoalList> Handle(GetGoals query, CancellationToken cancellationToken)
    {
        var goals = await GoalQueries.Load(db, query.IncludeArchived ? null : false, cancellationToken);
        var companyGoals = goals.Where(g => g.Level == GoalLevel.Company && !g.IsArchived).Select(g => new GoalOption(g.Id, g.Title)).ToList();
        var archived = await db.Goals.CountAsync(g => g.IsArchived, cancellationToken);
        return new GoalList(goals, companyGoals, archived) { CanEdit = product.Can(Permission.EditStrategy) };
    }
}

internal static class GoalQueries
{
    public static async Task<List<GoalView>> Load(AppDbContext db, bool? archived, CancellationToken cancellationToken, int? goalId = null)
    {
        var goals = await db.Goals.AsNoTracking()
            .Where(g => (archived == null || g.IsArchived == archived) && (goalId == null || g.Id == goalId))
            .OrderBy(g => g.Level == GoalLevel.Company ? 0 : 1).ThenBy(g => g.Id)
            .Select(g => new
            {
                g.Id, g.Title, g.Description, g.Level, g.CompanyGoalId, CompanyGoalTitle = g.CompanyGoal == null ? null : g.CompanyGoal.Title,
                g.IsArchived, g.Version,
                KeyResults = g.KeyResults.OrderBy(k => k.Id)
                    .Select(k => new KeyResultView(k.Id, k.Metric, k.Baseline, k.Target, k.Current, k.DueOn, k.Version)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return goals.Select(g => new GoalView(g.Id, g.Title, g.Description, g.Level, g.CompanyGoalId, g.CompanyGoalTitle,
            g.IsArchived, g.Version, g.KeyResults)).ToList();
    }
}
