using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Domain.Research;

namespace ProductRoles.Web.Domain.Roadmap;

public enum RoadmapHorizon
{
    [Display(Name = "Now")]
    Now,
    [Display(Name = "Next")]
    Next,
    [Display(Name = "Later")]
    Later,
}

public enum RoadmapItemStatus
{
    [Display(Name = "Planned")]
    Planned,
    [Display(Name = "In progress")]
    InProgress,
    [Display(Name = "Done")]
    Done,
    [Display(Name = "Dropped")]
    Dropped,
}

/// <summary>
/// A theme or initiative on the roadmap: the outcome it should bring, when (horizon, optional
/// quarter), the goals it serves and the insights that are its evidence, and a RICE score.
/// Ordered within its horizon by a fractional <see cref="Rank"/>, unique per product and horizon.
/// </summary>
public sealed class RoadmapItem : IVersioned, IAudited, IProductOwned
{
    public const int TitleMaxLength = 200;
    public const int OutcomeMaxLength = 2000;
    public const int NotesMaxLength = 4000;
    public const int QuarterLength = 7;
    public const int MaxReach = 10_000_000;
    public const decimal MinEffort = 0.1m;
    public const decimal MaxEffort = 120m;
    public static readonly IReadOnlyList<decimal> ImpactScale = [0.25m, 0.5m, 1m, 2m, 3m];

    public int Id { get; set; }
    public int ProductId { get; set; }
    public required string Title { get; set; }
    public string Outcome { get; set; } = string.Empty;
    public RoadmapHorizon Horizon { get; set; }

    /// <summary>e.g. "2027-Q1", or null when not tied to a quarter.</summary>
    public string? TargetQuarter { get; set; }

    public RoadmapItemStatus Status { get; set; }

    [NotAudited] // a move records the positions instead
    public required string Rank { get; set; }

    /// <summary>People or events affected per quarter.</summary>
    public int Reach { get; set; }

    /// <summary>0.25 minimal, 0.5 low, 1 medium, 2 high, 3 massive.</summary>
    public decimal Impact { get; set; }

    /// <summary>Percent, 0–100.</summary>
    public int Confidence { get; set; }

    /// <summary>Person-months.</summary>
    public decimal Effort { get; set; }

    /// <summary>RICE score, recomputed whenever an input changes; stored so lists can sort by it.</summary>
    public double Score { get; set; }

    /// <summary>The product manager's internal notes; never published.</summary>
    public string? Notes { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<RoadmapItemInsight> Insights { get; } = [];
    public List<RoadmapItemGoal> Goals { get; } = [];

    public static double RiceScore(int reach, decimal impact, int confidence, decimal effort) =>
        effort <= 0 ? 0 : Math.Round((double)(reach * impact * confidence / 100m / effort), 1);

    public void SetRice(int reach, decimal impact, int confidence, decimal effort)
    {
        Reach = reach;
        Impact = impact;
        Confidence = confidence;
        Effort = effort;
        Score = RiceScore(reach, impact, confidence, effort);
    }

    public static bool IsQuarter(string? value) =>
        value is { Length: QuarterLength } q && int.TryParse(q.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
        && q[4] == '-' && q[5] == 'Q' && q[6] is >= '1' and <= '4';

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => Title;
}

/// <summary>An insight that is evidence for a roadmap item.</summary>
public sealed class RoadmapItemInsight
{
    public int RoadmapItemId { get; set; }
    public RoadmapItem? RoadmapItem { get; set; }
    public int InsightId { get; set; }
    public Insight? Insight { get; set; }
}

/// <summary>A goal a roadmap item serves.</summary>
public sealed class RoadmapItemGoal
{
    public int RoadmapItemId { get; set; }
    public RoadmapItem? RoadmapItem { get; set; }
    public int GoalId { get; set; }
    public Goal? Goal { get; set; }
}
