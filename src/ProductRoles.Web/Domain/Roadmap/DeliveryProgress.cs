using System.ComponentModel.DataAnnotations;
using ProductRoles.Web.Domain.Backlog;

namespace ProductRoles.Web.Domain.Roadmap;

/// <summary>Where a roadmap item's backlog item stands in delivery.</summary>
public enum DeliveryStage
{
    [Display(Name = "Done")]
    Done,
    [Display(Name = "In the current sprint")]
    InSprint,
    [Display(Name = "Not yet planned")]
    NotYetPlanned,
}

/// <summary>
/// How far the backlog items linked to a roadmap item have got, in points: done (met the Definition
/// of Done), in progress (planned into a sprint) and remaining (still in the product backlog).
/// Removed items do not count; an item without an estimate counts as 0 points and is named apart.
/// </summary>
public sealed record DeliveryProgress(int Stories, int DonePoints, int InProgressPoints, int RemainingPoints, int Unestimated)
{
    public static readonly DeliveryProgress None = new(0, 0, 0, 0, 0);

    public int TotalPoints => DonePoints + InProgressPoints + RemainingPoints;

    public bool HasStories => Stories > 0;

    /// <summary>Share of the points done, rounded down so 100 means every point is done.</summary>
    public int DonePercent => TotalPoints == 0 ? 0 : DonePoints * 100 / TotalPoints;

    /// <summary>Share of the points in progress; never makes done + in progress exceed 100.</summary>
    public int InProgressPercent => TotalPoints == 0 ? 0 : Math.Min(100 - DonePercent, InProgressPoints * 100 / TotalPoints);

    public static DeliveryStage StageOf(BacklogItemStatus status) => status switch
    {
        BacklogItemStatus.Done => DeliveryStage.Done,
        BacklogItemStatus.Planned or BacklogItemStatus.InProgress => DeliveryStage.InSprint,
        _ => DeliveryStage.NotYetPlanned,
    };

    /// <summary>Sums the linked items (Removed ones are skipped).</summary>
    public static DeliveryProgress Of(IEnumerable<(BacklogItemStatus Status, int? Estimate)> items)
    {
        int stories = 0, done = 0, inProgress = 0, remaining = 0, unestimated = 0;
        foreach (var (status, estimate) in items)
        {
            if (status == BacklogItemStatus.Removed)
            {
                continue;
            }

            stories++;
            if (estimate is null)
            {
                unestimated++;
            }

            var points = estimate ?? 0;
            switch (StageOf(status))
            {
                case DeliveryStage.Done:
                    done += points;
                    break;
                case DeliveryStage.InSprint:
                    inProgress += points;
                    break;
                default:
                    remaining += points;
                    break;
            }
        }

        return new DeliveryProgress(stories, done, inProgress, remaining, unestimated);
    }
}
