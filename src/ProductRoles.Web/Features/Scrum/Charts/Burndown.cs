namespace ProductRoles.Web.Features.Scrum.Charts;

/// <summary>Remaining points recorded at the end of one sprint day.</summary>
public sealed record DayRemaining(DateOnly Day, int RemainingPoints, int ScopePoints);

/// <summary>One day on the burndown: the ideal line and, for days that have happened, what really remained.</summary>
public sealed record BurndownPoint(DateOnly Day, int DayNumber, decimal Ideal, int? Remaining, int? Scope);

public sealed record BurndownChart(DateOnly Start, DateOnly End, int CommittedPoints, IReadOnlyList<BurndownPoint> Points)
{
    /// <summary>Top of the chart's scale: the highest value any line reaches (at least 1).</summary>
    public int MaxPoints => Math.Max(Math.Max(1, CommittedPoints), Points.Max(p => Math.Max(p.Remaining ?? 0, p.Scope ?? 0)));
}

/// <summary>
/// Builds a sprint burndown from recorded day snapshots only. A day without a snapshot carries the
/// last known value forward (nothing changed that day); days after <c>today</c> have no actual value.
/// The ideal line falls evenly from the points committed on the first day to zero on the last day.
/// </summary>
public static class Burndown
{
    public static BurndownChart Build(DateOnly start, DateOnly end, IReadOnlyList<DayRemaining> days, DateOnly today)
    {
        if (end < start)
        {
            throw new ArgumentException("A sprint ends after it starts.", nameof(end));
        }

        var ordered = days.Where(d => d.Day <= end).OrderBy(d => d.Day).ToList();
        // Committed = scope when the sprint began: the last record on or before day one, else the first one after.
        var atStart = ordered.LastOrDefault(d => d.Day <= start) ?? ordered.FirstOrDefault();
        var committed = atStart?.ScopePoints ?? 0;

        var length = end.DayNumber - start.DayNumber + 1;
        var points = new List<BurndownPoint>(length);
        DayRemaining? last = null;
        var next = 0;
        var index = 0;
        for (var day = start; day <= end; day = day.AddDays(1), index++)
        {
            while (next < ordered.Count && ordered[next].Day <= day)
            {
                last = ordered[next++];
            }

            var ideal = length == 1 ? 0m : Math.Round(committed * (1m - (decimal)index / (length - 1)), 1);
            var happened = day <= today;
            points.Add(new BurndownPoint(day, index + 1, ideal,
                happened ? last?.RemainingPoints : null, happened ? last?.ScopePoints : null));
        }

        return new BurndownChart(start, end, committed, points);
    }
}
