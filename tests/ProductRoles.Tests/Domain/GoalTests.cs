using ProductRoles.Web.Domain.Goals;

namespace ProductRoles.Tests.Domain;

public sealed class GoalTests
{
    [Theory]
    [InlineData(0, 100, 0, 0)]
    [InlineData(0, 100, 50, 50)]
    [InlineData(0, 100, 100, 100)]
    [InlineData(0, 100, 150, 100)] // beyond the target counts as met
    [InlineData(0, 100, -20, 0)] // below the baseline counts as no progress
    [InlineData(48, 8, 28, 50)] // a metric that should go down
    [InlineData(48, 8, 60, 0)]
    [InlineData(10, 20, 10.05, 1)] // 0.5 % rounds up
    [InlineData(0, 3, 1, 33)]
    [InlineData(0, 3, 2, 67)]
    public void Key_result_progress_is_the_share_of_the_way_from_baseline_to_target(
        double baseline, double target, double current, int expected)
    {
        var keyResult = KeyResult((decimal)baseline, (decimal)target, (decimal)current);

        Assert.Equal(expected, keyResult.Progress);
    }

    [Fact]
    public void Goal_progress_is_the_rounded_average_of_its_key_results_and_zero_without_any()
    {
        var goal = new Goal { Title = "Faster checkout" };
        Assert.Equal(0, goal.Progress);

        goal.KeyResults.Add(KeyResult(0, 100, 100));
        goal.KeyResults.Add(KeyResult(0, 100, 25));
        goal.KeyResults.Add(KeyResult(0, 100, 0));

        Assert.Equal(42, goal.Progress); // (100 + 25 + 0) / 3 = 41.67
    }

    [Fact]
    public void Average_progress_rounds_to_the_nearest_whole_percent()
    {
        Assert.Equal(0, Goal.AverageProgress([]));
        Assert.Equal(51, Goal.AverageProgress([51]));
        Assert.Equal(34, Goal.AverageProgress([33, 34, 34]));
        Assert.Equal(67, Goal.AverageProgress([66, 67, 67]));
    }

    [Fact]
    public void Measuring_sets_the_trimmed_metric_and_values()
    {
        var keyResult = new KeyResult { Metric = "" };

        keyResult.Measure("  Refund queue (h) ", 48, 8, 28, new DateOnly(2027, 6, 30));

        Assert.Equal("Refund queue (h)", keyResult.Metric);
        Assert.Equal((48m, 8m, 28m, new DateOnly(2027, 6, 30)), (keyResult.Baseline, keyResult.Target, keyResult.Current, keyResult.DueOn));
        Assert.Equal(50, keyResult.Progress);
    }

    [Fact]
    public void A_target_equal_to_the_baseline_measures_nothing_and_is_refused()
    {
        var keyResult = new KeyResult { Metric = "Conversion", Baseline = 1, Target = 2, Current = 1 };

        Assert.Throws<ArgumentException>(() => keyResult.Measure("Conversion", 5, 5, 5, new DateOnly(2027, 1, 1)));
        Assert.Equal((1m, 2m), (keyResult.Baseline, keyResult.Target));
    }

    [Fact]
    public void A_stored_key_result_with_target_equal_to_baseline_is_met_only_at_that_value()
    {
        Assert.Equal(100, global::ProductRoles.Web.Domain.Goals.KeyResult.ProgressPercent(5, 5, 5));
        Assert.Equal(0, global::ProductRoles.Web.Domain.Goals.KeyResult.ProgressPercent(5, 5, 6));
    }

    [Fact]
    public void A_product_goal_may_serve_a_company_goal_and_a_company_goal_serves_none()
    {
        var goal = new Goal { Title = "" };

        goal.Describe("  Raise mobile conversion ", "  Most carts are abandoned on phones. ", GoalLevel.Product, 7);
        Assert.Equal(("Raise mobile conversion", "Most carts are abandoned on phones.", GoalLevel.Product, (int?)7),
            (goal.Title, goal.Description, goal.Level, goal.CompanyGoalId));

        goal.Describe("Grow revenue", "   ", GoalLevel.Company, 7);
        Assert.Equal(("Grow revenue", (string?)null, GoalLevel.Company, (int?)null),
            (goal.Title, goal.Description, goal.Level, goal.CompanyGoalId));
    }

    private static KeyResult KeyResult(decimal baseline, decimal target, decimal current) =>
        new() { Metric = "m", Baseline = baseline, Target = target, Current = current };
}
