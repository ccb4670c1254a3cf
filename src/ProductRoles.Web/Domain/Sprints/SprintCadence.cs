namespace ProductRoles.Web.Domain.Sprints;

/// <summary>What the next sprint should look like if the team keeps its rhythm.</summary>
public static class SprintCadence
{
    /// <summary>A team's first sprint lasts two weeks.</summary>
    public const int FirstSprintDays = 14;

    /// <summary>
    /// The next sprint starts the day after the latest one ends and lasts as long; the first one starts today.
    /// It is "Sprint N+1" after N sprints.
    /// </summary>
    public static (string Name, DateOnly Start, DateOnly End) Next((DateOnly Start, DateOnly End)? latest, int sprintCount, DateOnly today)
    {
        var start = latest is { } last ? last.End.AddDays(1) : today;
        var length = latest is { } previous ? previous.End.DayNumber - previous.Start.DayNumber + 1 : FirstSprintDays;
        return ($"Sprint {sprintCount + 1}", start, start.AddDays(length - 1));
    }
}
