using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Tests.Domain;

/// <summary>A sprint's days as planning and the overlap check see them.</summary>
public sealed class SprintCalendarTests
{
    private static Sprint TwoWeeks() => new()
    {
        Name = "Sprint 12", Goal = "Cards that pay", StartDate = new DateOnly(2026, 11, 16), EndDate = new DateOnly(2026, 11, 29),
    };

    [Fact]
    public void A_sprint_lasts_from_its_first_to_its_last_day_inclusive()
    {
        Assert.Equal(14, TwoWeeks().LengthInDays);
        var oneDay = new Sprint { Name = "Hack day", Goal = "Ship it", StartDate = new DateOnly(2026, 12, 1), EndDate = new DateOnly(2026, 12, 1) };
        Assert.Equal(1, oneDay.LengthInDays);
    }

    [Theory]
    [InlineData("2026-11-01", "2026-11-15", false)] // ends the day before
    [InlineData("2026-11-30", "2026-12-13", false)] // starts the day after
    [InlineData("2026-11-01", "2026-11-16", true)] // shares the first day
    [InlineData("2026-11-29", "2026-12-13", true)] // shares the last day
    [InlineData("2026-11-20", "2026-11-22", true)] // inside
    [InlineData("2026-11-01", "2026-12-31", true)] // around
    public void Two_sprints_overlap_when_they_share_a_day(string start, string end, bool overlaps) =>
        Assert.Equal(overlaps, TwoWeeks().Overlaps(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));
}
