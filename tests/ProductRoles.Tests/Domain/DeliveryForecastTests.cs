using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Roadmap;

namespace ProductRoles.Tests.Domain;

/// <summary>Forecasts from known velocities and backlogs, with the sprints and confidence they must give.</summary>
public sealed class DeliveryForecastTests
{
    // Seven sprints closed; Sprint 8 runs from 23 November for two weeks.
    private static readonly SprintCalendar Calendar = new(7, "Sprint 8", new DateOnly(2026, 11, 23), 14);
    private static readonly VelocityRange Steady = new(19, 25, 6);

    [Fact]
    public void The_velocity_range_is_the_20th_to_80th_percentile_of_the_last_six_closed_sprints()
    {
        Assert.Equal(new VelocityRange(19, 25, 6), DeliveryForecast.Velocity([40, 18, 25, 22, 19, 24, 30]));
        Assert.Equal(new VelocityRange(3, 6, 2), DeliveryForecast.Velocity([6, 3]));
        Assert.Equal(new VelocityRange(8, 8, 1), DeliveryForecast.Velocity([8]));
        Assert.Null(DeliveryForecast.Velocity([]));
    }

    [Fact]
    public void Sixty_points_ahead_at_19_to_25_a_sprint_are_likely_done_in_sprint_10_or_11_with_high_confidence()
    {
        var forecast = DeliveryForecast.For(60, 0, Steady, Calendar)!;

        Assert.Equal((3, 4), (forecast.EarliestSprint, forecast.LatestSprint));
        Assert.Equal("likely Sprint 10–11", forecast.Text);
        Assert.Equal((new DateOnly(2027, 1, 3), new DateOnly(2027, 1, 17)), (forecast.EarliestEnd, forecast.LatestEnd!.Value));
        Assert.Equal(ForecastConfidence.High, forecast.Confidence);
        Assert.Equal("19–25 points a sprint over the last 6 closed sprints, 60 points ahead in the backlog", forecast.Basis);
    }

    [Fact]
    public void Work_that_fits_the_running_sprint_is_likely_done_in_it_by_its_own_name()
    {
        var forecast = DeliveryForecast.For(10, 0, Steady, Calendar)!;

        Assert.Equal("likely Sprint 8", forecast.Text);
        var named = Calendar with { ActiveSprintName = "Checkout sprint" };
        Assert.Equal("likely Checkout sprint", DeliveryForecast.For(10, 0, Steady, named)!.Text);
        Assert.Equal("likely Checkout sprint–Sprint 9", DeliveryForecast.For(20, 0, Steady, named)!.Text);
        Assert.Equal("likely Sprint 9–10", DeliveryForecast.For(40, 0, Steady, Calendar with { ActiveSprintName = null })!.Text);
    }

    [Theory]
    [InlineData(60, "2026-Q4", QuarterFit.LikelyMiss)] // even a fast team ends on 3 January
    [InlineData(40, "2026-Q4", QuarterFit.AtRisk)]     // fast: 20 December, slow: 3 January
    [InlineData(30, "2026-Q4", QuarterFit.OnTrack)]    // slow: 20 December
    [InlineData(60, "2027-Q1", QuarterFit.OnTrack)]
    public void The_forecast_is_held_against_the_target_quarter(int pointsAhead, string quarter, QuarterFit fit)
    {
        Assert.Equal(fit, DeliveryForecast.For(pointsAhead, 0, Steady, Calendar)!.Against(quarter));
    }

    [Fact]
    public void No_target_quarter_means_no_verdict()
    {
        Assert.Null(DeliveryForecast.For(60, 0, Steady, Calendar)!.Against(null));
        Assert.Equal(new DateOnly(2027, 3, 31), DeliveryForecast.QuarterEnd("2027-Q1"));
        Assert.Equal(new DateOnly(2026, 12, 31), DeliveryForecast.QuarterEnd("2026-Q4"));
        Assert.Null(DeliveryForecast.QuarterEnd("2026-Q5"));
    }

    [Fact]
    public void The_work_ahead_of_an_item_is_every_remaining_point_down_to_its_last_remaining_story()
    {
        int? a = 1, b = 2;
        var ahead = DeliveryForecast.WorkAhead([(a, 3), (null, 5), (b, 2), (a, 1), (null, null), (b, 8)]);

        Assert.Equal((11, 0), ahead[1]);
        Assert.Equal((19, 1), ahead[2]);
        Assert.Equal(2, ahead.Count);
    }

    [Fact]
    public void Confidence_falls_with_few_sprints_an_uneven_pace_or_unestimated_work()
    {
        Assert.Equal(ForecastConfidence.High, DeliveryForecast.Confidence(new VelocityRange(19, 25, 5), 0));
        Assert.Equal(ForecastConfidence.Medium, DeliveryForecast.Confidence(new VelocityRange(19, 25, 4), 0));
        Assert.Equal(ForecastConfidence.Medium, DeliveryForecast.Confidence(new VelocityRange(13, 25, 6), 0));
        Assert.Equal(ForecastConfidence.Low, DeliveryForecast.Confidence(new VelocityRange(12, 25, 6), 0));
        Assert.Equal(ForecastConfidence.Low, DeliveryForecast.Confidence(new VelocityRange(3, 6, 2), 0));
        Assert.Equal(ForecastConfidence.Medium, DeliveryForecast.Confidence(new VelocityRange(19, 25, 6), 2));
        Assert.Contains("2 items not estimated", DeliveryForecast.For(60, 2, Steady, Calendar)!.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_velocity_or_with_nothing_left_there_is_no_forecast_and_a_team_that_may_finish_nothing_gets_only_an_earliest()
    {
        Assert.Null(DeliveryForecast.For(60, 0, null, Calendar));
        Assert.Null(DeliveryForecast.For(60, 0, new VelocityRange(0, 0, 3), Calendar));
        Assert.Null(DeliveryForecast.For(0, 0, Steady, Calendar));

        var open = DeliveryForecast.For(12, 0, new VelocityRange(0, 6, 3), Calendar)!;
        Assert.Equal("Sprint 9 at the earliest", open.Text);
        Assert.Null(open.LatestSprint);
        Assert.Equal(QuarterFit.AtRisk, open.Against("2027-Q4"));
    }

    [Fact]
    public void Delivery_progress_counts_points_by_stage_and_skips_removed_items()
    {
        var progress = DeliveryProgress.Of([
            (BacklogItemStatus.Done, 5), (BacklogItemStatus.Done, 3), (BacklogItemStatus.InProgress, 2), (BacklogItemStatus.Planned, 1),
            (BacklogItemStatus.Ready, 8), (BacklogItemStatus.New, null), (BacklogItemStatus.Removed, 13)]);

        Assert.Equal(new DeliveryProgress(6, 8, 3, 8, 1), progress);
        Assert.Equal((19, 42, 15), (progress.TotalPoints, progress.DonePercent, progress.InProgressPercent));
        Assert.Equal((0, 0), (DeliveryProgress.None.DonePercent, DeliveryProgress.None.InProgressPercent));
        Assert.Equal(100, new DeliveryProgress(1, 3, 0, 0, 0).DonePercent);
    }
}
