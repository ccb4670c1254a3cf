namespace ProductRoles.Web.Features.Scrum.Charts;

/// <summary>What one closed sprint committed to and got done, in points.</summary>
public sealed record SprintVelocity(int SprintId, string Name, DateOnly End, int Committed, int Done);

/// <summary>
/// Velocity across closed sprints and the forecast planning uses: the average done over the last
/// three closed sprints, with the lowest and highest of them as the range.
/// </summary>
public sealed record VelocityChart(IReadOnlyList<SprintVelocity> Sprints, int? Average, int? Low, int? High)
{
    public int MaxPoints => Math.Max(1, Sprints.Select(s => Math.Max(s.Committed, s.Done)).DefaultIfEmpty(0).Max());

    public bool HasForecast => Average is not null;
}

public static class Velocity
{
    public const int ForecastWindow = 3;

    public static VelocityChart Build(IEnumerable<SprintVelocity> closedSprints)
    {
        var sprints = closedSprints.OrderBy(s => s.End).ThenBy(s => s.SprintId).ToList();
        var recent = sprints.TakeLast(ForecastWindow).ToList();
        if (recent.Count == 0)
        {
            return new VelocityChart(sprints, null, null, null);
        }

        var average = (int)Math.Round(recent.Average(s => s.Done), MidpointRounding.AwayFromZero);
        return new VelocityChart(sprints, average, recent.Min(s => s.Done), recent.Max(s => s.Done));
    }
}
