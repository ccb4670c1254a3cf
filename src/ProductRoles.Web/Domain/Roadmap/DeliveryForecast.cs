using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ProductRoles.Web.Domain.Roadmap;

public enum ForecastConfidence
{
    [Display(Name = "Low")]
    Low,
    [Display(Name = "Medium")]
    Medium,
    [Display(Name = "High")]
    High,
}

/// <summary>How a forecast sits against the roadmap item's target quarter.</summary>
public enum QuarterFit
{
    [Display(Name = "On track")]
    OnTrack,
    [Display(Name = "At risk")]
    AtRisk,
    [Display(Name = "Likely to miss")]
    LikelyMiss,
}

/// <summary>The team's recent velocity: a slow and a fast sprint (20th and 80th percentile of done points) over the last closed sprints.</summary>
public sealed record VelocityRange(int Low, int High, int Samples);

/// <summary>
/// The sprints to come, counted from 1: the active sprint if one runs, else the next one to start.
/// Sprint k is "Sprint {ClosedSprints + k}" (the cadence's names), except that an active sprint keeps its own name.
/// </summary>
public sealed record SprintCalendar(int ClosedSprints, string? ActiveSprintName, DateOnly FirstSprintStart, int SprintDays)
{
    public string Name(int offset) =>
        offset == 1 && ActiveSprintName is not null ? ActiveSprintName : "Sprint " + (ClosedSprints + offset).ToString(CultureInfo.InvariantCulture);

    /// <summary>Last day of the sprint at <paramref name="offset"/> if the team keeps its rhythm.</summary>
    public DateOnly End(int offset) => FirstSprintStart.AddDays((offset * SprintDays) - 1);
}

/// <summary>
/// When a roadmap item's remaining work is likely done: between the sprint a fast team reaches and the
/// sprint a slow team reaches (null when the slow pace is no progress at all).
/// </summary>
public sealed record Forecast(
    int PointsAhead, int EarliestSprint, int? LatestSprint, string EarliestName, string? LatestName, DateOnly EarliestEnd, DateOnly? LatestEnd,
    ForecastConfidence Confidence, string Basis)
{
    /// <summary>"likely Sprint 9–10", "likely Sprint 9", or "Sprint 9 at the earliest" when a slow sprint finishes nothing.</summary>
    public string Text => LatestName is null
        ? $"{EarliestName} at the earliest"
        : EarliestSprint == LatestSprint ? $"likely {EarliestName}" : $"likely {EarliestName}–{SprintNumber(LatestName)}";

    /// <summary>Against the target quarter: on track when even a slow team finishes in it, likely to miss when even a fast one does not.</summary>
    public QuarterFit? Against(string? targetQuarter)
    {
        if (DeliveryForecast.QuarterEnd(targetQuarter) is not { } end)
        {
            return null;
        }

        if (EarliestEnd > end)
        {
            return QuarterFit.LikelyMiss;
        }

        return LatestEnd is { } latest && latest <= end ? QuarterFit.OnTrack : QuarterFit.AtRisk;
    }

    // "Sprint 9–10" reads better than "Sprint 9–Sprint 10" when both follow the cadence's names.
    private string SprintNumber(string latest) =>
        EarliestName.StartsWith("Sprint ", StringComparison.Ordinal) && latest.StartsWith("Sprint ", StringComparison.Ordinal) ? latest["Sprint ".Length..] : latest;
}

/// <summary>
/// Forecasts from the team's recent velocity and the backlog order: the work ahead of a roadmap item's
/// last remaining story (everything above it in the product backlog, and its own stories) is what the
/// team must finish first.
/// </summary>
public static class DeliveryForecast
{
    /// <summary>How many of the latest closed sprints the velocity range is taken from.</summary>
    public const int VelocityWindow = 6;

    /// <summary>The velocity range of the latest <see cref="VelocityWindow"/> closed sprints; null before the first one closed.</summary>
    /// <param name="donePointsOldestFirst">Done points of every closed sprint, oldest first.</param>
    public static VelocityRange? Velocity(IReadOnlyList<int> donePointsOldestFirst)
    {
        var recent = donePointsOldestFirst.TakeLast(VelocityWindow).Order().ToList();
        if (recent.Count == 0)
        {
            return null;
        }

        return new VelocityRange((int)Math.Floor(Percentile(recent, 0.2)), (int)Math.Ceiling(Percentile(recent, 0.8)), recent.Count);
    }

    /// <summary>The p-th percentile of sorted values, interpolated linearly between neighbours.</summary>
    public static double Percentile(IReadOnlyList<int> sorted, double p)
    {
        var position = p * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }

    /// <summary>
    /// For each roadmap item with remaining work, the points of the remaining backlog from the top down
    /// to and including its last remaining item.
    /// </summary>
    /// <param name="remainingInBacklogOrder">Every item not yet Done (nor Removed), in backlog order: its roadmap item and its estimate.</param>
    public static IReadOnlyDictionary<int, (int PointsAhead, int UnestimatedAhead)> WorkAhead(IEnumerable<(int? RoadmapItemId, int? Estimate)> remainingInBacklogOrder)
    {
        var result = new Dictionary<int, (int, int)>();
        int points = 0, unestimated = 0;
        foreach (var (roadmapItemId, estimate) in remainingInBacklogOrder)
        {
            points += estimate ?? 0;
            unestimated += estimate is null ? 1 : 0;
            if (roadmapItemId is { } id)
            {
                result[id] = (points, unestimated);
            }
        }

        return result;
    }

    /// <summary>
    /// The forecast for <paramref name="pointsAhead"/> points of work; null without a velocity (no sprint
    /// closed yet, or none finished anything) or without work left.
    /// </summary>
    public static Forecast? For(int pointsAhead, int unestimatedAhead, VelocityRange? velocity, SprintCalendar calendar)
    {
        if (velocity is null || velocity.High <= 0 || (pointsAhead <= 0 && unestimatedAhead == 0))
        {
            return null;
        }

        var earliest = Math.Max(1, (int)Math.Ceiling(pointsAhead / (double)velocity.High));
        int? latest = velocity.Low <= 0 ? null : Math.Max(1, (int)Math.Ceiling(pointsAhead / (double)velocity.Low));
        var basis = $"{velocity.Low}–{velocity.High} points a sprint over the last {Plural(velocity.Samples, "closed sprint")}, {Plural(pointsAhead, "point")} ahead in the backlog";
        if (unestimatedAhead > 0)
        {
            basis += $", {Plural(unestimatedAhead, "item")} not estimated";
        }

        return new Forecast(pointsAhead, earliest, latest, calendar.Name(earliest), latest is { } l ? calendar.Name(l) : null,
            calendar.End(earliest), latest is { } last ? calendar.End(last) : null, Confidence(velocity, unestimatedAhead), basis);
    }

    /// <summary>
    /// High with five or more sprints whose pace varies by at most a quarter; medium with three or more
    /// varying by at most a half; low otherwise. Unestimated work ahead lowers it one step.
    /// </summary>
    public static ForecastConfidence Confidence(VelocityRange velocity, int unestimatedAhead)
    {
        var spread = velocity.High <= 0 ? 1.0 : (velocity.High - velocity.Low) / (double)velocity.High;
        var confidence = velocity.Samples >= 5 && spread <= 0.25 ? ForecastConfidence.High
            : velocity.Samples >= 3 && spread <= 0.5 ? ForecastConfidence.Medium
            : ForecastConfidence.Low;
        return unestimatedAhead > 0 && confidence > ForecastConfidence.Low ? confidence - 1 : confidence;
    }

    /// <summary>The last day of a quarter such as "2027-Q1"; null for no or an invalid quarter.</summary>
    public static DateOnly? QuarterEnd(string? quarter)
    {
        if (!RoadmapItem.IsQuarter(quarter))
        {
            return null;
        }

        var year = int.Parse(quarter!.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var q = quarter![6] - '0';
        return new DateOnly(year, q * 3, 1).AddMonths(1).AddDays(-1);
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n.ToString(CultureInfo.InvariantCulture)} {word}s";
}
