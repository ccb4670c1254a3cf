using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Tests.Domain;

public sealed class SprintCadenceTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void The_first_sprint_is_sprint_1_starting_today_for_two_weeks()
    {
        var (name, start, end) = SprintCadence.Next(null, 0, Today);

        Assert.Equal(("Sprint 1", Today, new DateOnly(2026, 12, 14)), (name, start, end));
    }

    [Fact]
    public void The_next_sprint_starts_the_day_after_the_latest_and_keeps_its_length()
    {
        var latest = (new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 22)); // three weeks

        var (name, start, end) = SprintCadence.Next(latest, 4, Today);

        Assert.Equal(("Sprint 5", new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 13)), (name, start, end));
    }

    [Fact]
    public void A_one_day_sprint_is_followed_by_a_one_day_sprint()
    {
        var latest = (Today, Today);

        var (_, start, end) = SprintCadence.Next(latest, 1, Today);

        Assert.Equal((Today.AddDays(1), Today.AddDays(1)), (start, end));
    }
}
