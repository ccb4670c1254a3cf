using ProductRoles.Web.Domain.Goals;

namespace ProductRoles.Tests.Domain;

/// <summary>How far a key result has come, as the progress bar on the goals page shows it.</summary>
public sealed class GoalProgressTests
{
    [Theory]
    [InlineData(0, 100, 0, 0)]
    [InlineData(0, 100, 50, 50)]
    [InlineData(0, 100, 100, 100)]
    [InlineData(10, 20, 15, 50)]
    [InlineData(0, 200, 1, 1)] // 0.5% rounds away from zero
    [InlineData(0, 1000, 4, 0)] // 0.4% rounds down
    public void Progress_is_the_share_of_the_way_from_baseline_to_target(double baseline, double target, double current, int percent) =>
        Assert.Equal(percent, KeyResult.ProgressPercent((decimal)baseline, (decimal)target, (decimal)current));

    [Theory]
    [InlineData(100, 20, 60, 50)] // a metric that should go down
    [InlineData(100, 20, 100, 0)]
    [InlineData(100, 20, 20, 100)]
    public void A_falling_target_counts_progress_downwards(double baseline, double target, double current, int percent) =>
        Assert.Equal(percent, KeyResult.ProgressPercent((decimal)baseline, (decimal)target, (decimal)current));

    [Theory]
    [InlineData(0, 100, 150, 100)]
    [InlineData(0, 100, -20, 0)]
    [InlineData(100, 20, 0, 100)]
    [InlineData(100, 20, 130, 0)]
    public void Progress_stays_between_none_and_all(double baseline, double target, double current, int percent) =>
        Assert.Equal(percent, KeyResult.ProgressPercent((decimal)baseline, (decimal)target, (decimal)current));

    [Theory]
    [InlineData(5, 100)]
    [InlineData(4, 0)]
    [InlineData(6, 0)]
    public void A_target_equal_to_its_baseline_is_met_only_when_the_metric_is_there(double current, int percent) =>
        Assert.Equal(percent, KeyResult.ProgressPercent(5m, 5m, (decimal)current));
}
