using FluentValidation;
using ProductRoles.Web.Domain.Goals;

namespace ProductRoles.Web.Features.ProductManager.Goals;

/// <summary>What a key result measures, as both <see cref="CreateKeyResult"/> and <see cref="EditKeyResult"/> send it.</summary>
public interface IKeyResultInput
{
    string Metric { get; }
    decimal? Baseline { get; }
    decimal? Target { get; }
    decimal? Current { get; }
    DateOnly? DueOn { get; }
    KeyResultMeasure MeasuredBy { get; }
}

public sealed class KeyResultInputValidator : AbstractValidator<IKeyResultInput>
{
    private const decimal Limit = 1_000_000_000m;

    public KeyResultInputValidator()
    {
        RuleFor(c => c.Metric).NotEmpty().WithMessage("Name the metric, e.g. checkout conversion (%).")
            .MaximumLength(KeyResult.MetricMaxLength).WithMessage($"Keep the metric to {KeyResult.MetricMaxLength} characters.");
        RuleFor(c => c.Baseline).NotNull().WithMessage("Enter the baseline.")
            .InclusiveBetween(-Limit, Limit).WithMessage("Enter a number between -1,000,000,000 and 1,000,000,000.");
        RuleFor(c => c.Target).NotNull().WithMessage("Enter the target.")
            .InclusiveBetween(-Limit, Limit).WithMessage("Enter a number between -1,000,000,000 and 1,000,000,000.")
            .NotEqual(c => c.Baseline).WithMessage("The target must differ from the baseline.");
        RuleFor(c => c.Current).NotNull().WithMessage("Enter the current value.")
            .InclusiveBetween(-Limit, Limit).WithMessage("Enter a number between -1,000,000,000 and 1,000,000,000.");
        RuleFor(c => c.MeasuredBy).IsInEnum().WithMessage("Choose how it is measured.");
        RuleFor(c => c.DueOn).NotNull().WithMessage("Enter a due date.")
            .InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithMessage("Enter a due date between 2000 and 2100.");
    }
}

public static class KeyResultInputs
{
    /// <summary>Applies validated input through the entity's rule.</summary>
    public static void MeasureFrom(this KeyResult keyResult, IKeyResultInput input)
    {
        keyResult.Measure(input.Metric, input.Baseline!.Value, input.Target!.Value, input.Current!.Value, input.DueOn!.Value);
        keyResult.MeasuredBy = input.MeasuredBy;
    }
}
