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

    /// <summary>
    /// A company goal's progress rolls up from the product goals that serve it: the average over its own
    /// key results and each product goal's progress (a product goal counts once, whatever its number of
    /// key results). Without product goals it is its key results' average.
    /// </summary>
    public static int RolledUpProgress(IEnumerable<int> ownKeyResultProgress, IEnumerable<int> productGoalProgress) =>
        AverageProgress(ownKeyResultProgress.Concat(productGoalProgress));

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => Title;
}

/// <summary>How a key result's current value is measured.</summary>
public enum KeyResultMeasure
{
    /// <summary>The product manager checks in a value from time to time.</summary>
    [Display(Name = "By check-ins")]
    CheckIns,

    /// <summary>The share of done points of the roadmap items that serve its goal, read live.</summary>
    [Display(Name = "From delivery")]
    Delivery,

    /// <summary>An analytics job posts values through the API.</summary>
    [Display(Name = "From the API")]
    Api,
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

    public KeyResultMeasure MeasuredBy { get; set; }

    /// <summary>The day of the latest check-in, null before the first; a key result not checked in for <see cref="StaleAfterDays"/> is stale.</summary>
    public DateOnly? LastCheckInOn { get; set; }

    /// <summary>Days without a check-in after which a key result measured by check-ins or the API is flagged stale.</summary>
    public const int StaleAfterDays = 30;

    public const int NoteMaxLength = 1000;

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

    /// <summary>
    /// Records a measured value on a day. It becomes the current value unless a later check-in exists
    /// (a late entry for an earlier day goes into the history only). A key result measured from delivery
    /// takes no check-ins: its value is the delivery's.
    /// </summary>
    public KeyResultCheckIn CheckIn(decimal value, DateOnly on, string? note, string byUserId, string byName, DateTime now)
    {
        if (MeasuredBy == KeyResultMeasure.Delivery)
        {
            throw new DomainRuleException("Value", "This key result is measured from delivery: it moves when linked backlog items are done.");
        }

        if (LastCheckInOn is null || on >= LastCheckInOn)
        {
            Current = value;
            LastCheckInOn = on;
        }

        return new KeyResultCheckIn
        {
            ProductId = ProductId, KeyResultId = Id, Value = value, On = on, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            ByUserId = byUserId, ByName = byName, RecordedAt = now,
        };
    }

    /// <summary>Stale: measured by check-ins or the API and not checked in for <see cref="StaleAfterDays"/> days (counted from <paramref name="since"/> before the first).</summary>
    public static bool IsStale(KeyResultMeasure measuredBy, DateOnly? lastCheckInOn, DateOnly since, DateOnly today) =>
        measuredBy != KeyResultMeasure.Delivery && today.DayNumber - (lastCheckInOn ?? since).DayNumber > StaleAfterDays;

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => Metric;
}

/// <summary>One measured value of a key result: the value, the day it was measured, a note and who checked it in.</summary>
public sealed class KeyResultCheckIn : IProductOwned
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public int KeyResultId { get; set; }
    public KeyResult? KeyResult { get; set; }
    public decimal Value { get; set; }
    public DateOnly On { get; set; }
    public string? Note { get; set; }
    public required string ByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTime RecordedAt { get; set; }
}
