using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Features.ProductManager.Goals;

namespace ProductRoles.Tests.Infrastructure.TestData;

/// <summary>A product goal the product manager sets, optionally under a company goal and with key results.</summary>
public sealed class GoalBuilder(TestProduct product, string title)
{
    private GoalLevel _level = GoalLevel.Product;
    private int? _companyGoalId;
    private readonly List<(string Metric, decimal Baseline, decimal Target, decimal? Current)> _keyResults = [];

    public GoalBuilder Company()
    {
        _level = GoalLevel.Company;
        return this;
    }

    public GoalBuilder Under(int companyGoalId)
    {
        _companyGoalId = companyGoalId;
        return this;
    }

    /// <summary>A key result due in six months, currently at <paramref name="current"/> (the baseline if not given).</summary>
    public GoalBuilder WithKeyResult(string metric, decimal baseline, decimal target, decimal? current = null)
    {
        _keyResults.Add((metric, baseline, target, current ?? baseline));
        return this;
    }

    public async Task<int> CreateAsync()
    {
        var id = await product.SendAsync(DemoUsers.Pm, new CreateGoal(product.Slug, title, null, _level, _companyGoalId));
        foreach (var (metric, baseline, target, current) in _keyResults)
        {
            await product.SendAsync(DemoUsers.Pm, new CreateKeyResult(product.Slug, id, metric, baseline, target, current,
                DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6)));
        }

        return id;
    }
}
