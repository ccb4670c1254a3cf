using FluentValidation;
using ProductRoles.Web.Domain.Research;

namespace ProductRoles.Web.Features.ProductManager.Research;

/// <summary>What an insight records, as both <see cref="RecordInsight"/> and <see cref="EditInsight"/> send it.</summary>
public interface IInsightInput
{
    InsightKind Kind { get; }
    string Title { get; }
    string? Summary { get; }
    string? Source { get; }
    DateOnly? ObservedOn { get; }
    string? Tags { get; }
    bool IsOpportunity { get; }
}

public sealed class InsightInputValidator : AbstractValidator<IInsightInput>
{
    public InsightInputValidator(TimeProvider clock)
    {
        RuleFor(c => c.Kind).IsInEnum().WithMessage("Choose the kind of insight.");
        RuleFor(c => c.Title).NotEmpty().WithMessage("Give the insight a title.")
            .MaximumLength(Insight.TitleMaxLength).WithMessage($"Keep the title to {Insight.TitleMaxLength} characters.");
        RuleFor(c => c.Summary).NotEmpty().WithMessage("Summarise what was learned.")
            .MaximumLength(Insight.SummaryMaxLength).WithMessage($"Keep the summary to {Insight.SummaryMaxLength} characters.");
        RuleFor(c => c.Source).MaximumLength(Insight.SourceMaxLength).WithMessage($"Keep the source to {Insight.SourceMaxLength} characters.");
        RuleFor(c => c.ObservedOn).NotNull().WithMessage("Enter the date it was observed.")
            .Must(d => d is null || (d.Value.Year >= 2000 && d.Value <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1)))
            .WithMessage("Enter a date from 2000 up to today.");
        RuleFor(c => c.Tags).MaximumLength(Insight.TagsMaxLength).WithMessage($"Keep the tags to {Insight.TagsMaxLength} characters.")
            .Must(t => Insight.ParseTags(t).All(tag => tag.Length <= Insight.TagMaxLength))
            .WithMessage($"Keep each tag to {Insight.TagMaxLength} characters; separate tags with commas.");
    }
}

public static class InsightInputs
{
    /// <summary>Copies validated input onto the insight, trimmed, with tags normalised.</summary>
    public static void RecordFrom(this Insight insight, IInsightInput input)
    {
        insight.Kind = input.Kind;
        insight.Title = input.Title.Trim();
        insight.Summary = input.Summary!.Trim().ReplaceLineEndings("\n");
        insight.Source = string.IsNullOrWhiteSpace(input.Source) ? null : input.Source.Trim();
        insight.ObservedOn = input.ObservedOn!.Value;
        insight.Tags = Insight.NormaliseTags(input.Tags);
        insight.IsOpportunity = input.IsOpportunity;
    }
}
