using System.ComponentModel.DataAnnotations;

namespace ProductRoles.Web.Domain.Goals;

public enum GoalLevel
{
    [Display(Name = "Product")]
    Product,
    [Display(Name = "Company")]
    Company,
}

/// <summary>An objective with measurable key results. A product goal may serve a company-level goal.</summary>
public sealed class Goal : IVersioned, IAudited, IProductOwned
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public GoalLevel Level { get; set; }
    public int? CompanyGoalId { get; set; }
    public Goal? CompanyGoal { get; set; }
    public bool IsArchived { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public List<KeyResult> KeyResults { get; } = [];

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => Title;
}

/// <summary>A measurable result: a metric moving from a baseline to a target by a due date.</summary>
public sealed class KeyResult : IVersioned, IAudited, IProductOwned
{
    public const int MetricMaxLength = 200;

    public int Id { get; set; }
    public int GoalId { get; set; }
    public Goal? Goal { get; set; }
    public int ProductId { get; set; }
    public required string Metric { get; set; }
    public decimal Baseline { get; set; }
    public decimal Target { get; set; }
    public decimal Current { get; set; }
    public DateOnly DueOn { get; set; }
    public int Version { get; set; }

    /// <summary>How far from baseline to target the current value is, 0–100.</summary>
    public static int ProgressPercent(decimal baseline, decimal target, decimal current)
    {
        if (target == baseline)
        {
            return current == target ? 100 : 0;
        }

        var ratio = (current - baseline) / (target - baseline);
        return (int)Math.Round(Math.Clamp(ratio, 0m, 1m) * 100m, MidpointRounding.AwayFromZero);
    }

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => Metric;
}
