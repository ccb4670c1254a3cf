using ProductRoles.Web.Features.Scrum.Charts;

namespace ProductRoles.Tests.Scrum.Charts;

public sealed class ChartTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static DateOnly Day(int n) => Monday.AddDays(n - 1);

    [Fact]
    public void A_burndown_gives_each_recorded_day_its_remaining_points_and_an_ideal_line_falling_to_zero()
    {
        // A five-day sprint with 20 points committed; work recorded on days 1, 2, 4 and 5.
        var chart = Burndown.Build(Day(1), Day(5),
            [new(Day(1), 20, 20), new(Day(2), 17, 20), new(Day(4), 8, 20), new(Day(5), 3, 20)], today: Day(5));

        Assert.Equal(20, chart.CommittedPoints);
        Assert.Equal([20m, 15m, 10m, 5m, 0m], chart.Points.Select(p => p.Ideal));
        // Day 3 had no change, so it keeps day 2's value.
        Assert.Equal([20, 17, 17, 8, 3], chart.Points.Select(p => p.Remaining));
        Assert.Equal([1, 2, 3, 4, 5], chart.Points.Select(p => p.DayNumber));
    }

    [Fact]
    public void Days_that_have_not_happened_yet_have_no_remaining_points()
    {
        var chart = Burndown.Build(Day(1), Day(4), [new(Day(1), 12, 12), new(Day(2), 9, 12)], today: Day(2));

        Assert.Equal([12, 9, null, null], chart.Points.Select(p => p.Remaining));
        Assert.Equal([12m, 8m, 4m, 0m], chart.Points.Select(p => p.Ideal));
    }

    [Fact]
    public void A_closed_sprints_burndown_ignores_anything_recorded_after_its_last_day()
    {
        // Spill-over: the unfinished 5 points are done later in another sprint. That must not rewrite this chart.
        var recorded = new List<DayRemaining> { new(Day(1), 10, 10), new(Day(3), 5, 10) };
        var before = Burndown.Build(Day(1), Day(3), recorded, today: Day(3));
        recorded.Add(new DayRemaining(Day(6), 0, 10));
        var after = Burndown.Build(Day(1), Day(3), recorded, today: Day(9));

        Assert.Equal(before.Points.Select(p => p.Remaining), after.Points.Select(p => p.Remaining));
        Assert.Equal([10, 10, 5], after.Points.Select(p => p.Remaining));
    }

    [Fact]
    public void Scope_added_mid_sprint_shows_as_a_step_up_while_the_ideal_line_keeps_the_commitment()
    {
        var chart = Burndown.Build(Day(1), Day(3), [new(Day(1), 10, 10), new(Day(2), 12, 14), new(Day(3), 4, 14)], today: Day(3));

        Assert.Equal(10, chart.CommittedPoints);
        Assert.Equal([10, 12, 4], chart.Points.Select(p => p.Remaining));
        Assert.Equal([10, 14, 14], chart.Points.Select(p => p.Scope));
        Assert.Equal(14, chart.MaxPoints);
    }

    [Fact]
    public void An_ideal_line_that_does_not_divide_evenly_is_rounded_to_one_decimal()
    {
        var chart = Burndown.Build(Day(1), Day(4), [new(Day(1), 10, 10)], today: Day(1));

        Assert.Equal([10m, 6.7m, 3.3m, 0m], chart.Points.Select(p => p.Ideal));
    }

    [Fact]
    public void A_sprint_with_nothing_recorded_has_an_empty_burndown_of_zero_points()
    {
        var chart = Burndown.Build(Day(1), Day(2), [], today: Day(2));

        Assert.Equal(0, chart.CommittedPoints);
        Assert.All(chart.Points, p => Assert.Null(p.Remaining));
        Assert.Equal(1, chart.MaxPoints);
    }

    [Fact]
    public void A_burndown_refuses_a_sprint_that_ends_before_it_starts() =>
        Assert.Throws<ArgumentException>(() => Burndown.Build(Day(3), Day(1), [], Day(3)));

    [Fact]
    public void The_forecast_is_the_average_done_of_the_last_three_closed_sprints_with_their_range()
    {
        var chart = Velocity.Build(
        [
            new(1, "Sprint 1", Day(14), 30, 10),
            new(4, "Sprint 4", Day(56), 30, 30),
            new(2, "Sprint 2", Day(28), 35, 28),
            new(3, "Sprint 3", Day(42), 34, 27),
        ]);

        Assert.Equal(["Sprint 1", "Sprint 2", "Sprint 3", "Sprint 4"], chart.Sprints.Select(s => s.Name));
        Assert.Equal(28, chart.Average); // (28 + 27 + 30) / 3 = 28.3
        Assert.Equal(27, chart.Low);
        Assert.Equal(30, chart.High);
        Assert.Equal(35, chart.MaxPoints);
    }

    [Fact]
    public void Without_closed_sprints_there_is_no_forecast()
    {
        var chart = Velocity.Build([]);

        Assert.False(chart.HasForecast);
        Assert.Null(chart.Average);
    }

    [Fact]
    public void Chart_coordinates_put_zero_on_the_baseline_and_the_maximum_at_the_top()
    {
        var plot = new SvgPlot(200, 100, Left: 10, Right: 10, Top: 10, Bottom: 10);

        Assert.Equal(90m, plot.Y(0, 40));
        Assert.Equal(10m, plot.Y(40, 40));
        Assert.Equal(10m, plot.X(0, 5));
        Assert.Equal(190m, plot.X(4, 5));
        Assert.Equal("10,90 100,50 190,10", plot.Polyline([(0, 0m), (1, 20m), (2, 40m)], 3, 40));
        Assert.Equal([0, 10, 20, 30, 40], SvgPlot.Ticks(34));
    }
}
