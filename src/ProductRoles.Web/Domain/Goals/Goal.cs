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

    /// <summary>The goal's progress: the average of its key results' progress, 0 with none.</summary>
    public int Progress => AverageProgress(KeyResults.Select(k => k.Progress));

    /// <summary>
    /// Sets what the goal is. Only a product goal serves a company goal; a company goal links to none.
    /// Whether the linked company goal exists in the product is for the caller to check.
    /// </summary>
    public void Describe(string title, string? description, GoalLevel level, int? companyGoalId)
    {
        Title = title.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Level = level;
        CompanyGoalId = level == GoalLevel.Product ? companyGoalId : null;
    }

    /// <summary>Rounded average of key results' progress (0–100 each); 0 when there are none.</summary>
    public static int AverageProgress(IEnumerable<int> keyResultProgress)
    {
        var all = keyResultProgress.ToList();
        return all.Count == 0 ? 0 : (int)Math.Round(all.Average());
    }

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
    public int Progress => ProgressPercent(Baseline, Target, Current);

    /// <summary>Sets the metric and its values; a target equal to the baseline would measure nothing.</summary>
    public void Measure(string metric, decimal baseline, decimal target, decimal current, DateOnly dueOn)
    {
        if (target == baseline)
        {
            throw new ArgumentException("The target must differ from the baseline.", nameof(target));
        }

        Metric = metric.Trim();
        Baseline = baseline;
        Target = target;
        Current = current;
        DueOn = dueOn;
    }

    /// <summary>How far from baseline to target the current value is, 0–100, beyond either end clamped.</summary>
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
