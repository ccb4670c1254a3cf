using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Research;

/// <summary>The product manager records an insight (InsightId 0) or edits one; it may be marked as a new opportunity.</summary>
[Requires(Permission.EditStrategy)]
public sealed record SaveInsight(
    string ProductSlug, int InsightId, InsightKind Kind, string Title, string? Summary, string? Source, DateOnly? ObservedOn,
    string? Tags, bool IsOpportunity, int Version)
    : ICommand<int>, IProductRequest;

public sealed class SaveInsightValidator : AbstractValidator<SaveInsight>
{
    public SaveInsightValidator(TimeProvider clock)
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

public sealed class SaveInsightHandler(AppDbContext db, ProductContext product, TimeProvider clock) : ICommandHandler<SaveInsight, int>
{
    public async ValueTask<int> Handle(SaveInsight command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        Insight insight;
        if (command.InsightId == 0)
        {
            insight = new Insight { ProductId = productId, Title = "", CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Insights.Add(insight);
        }
        else
        {
            insight = await db.Insights.SingleOrNotFoundAsync(i => i.Id == command.InsightId, cancellationToken);
            db.ExpectVersion(insight, command.Version);
        }

        insight.Kind = command.Kind;
        insight.Title = command.Title.Trim();
        insight.Summary = command.Summary!.Trim().ReplaceLineEndings("\n");
        insight.Source = string.IsNullOrWhiteSpace(command.Source) ? null : command.Source.Trim();
        insight.ObservedOn = command.ObservedOn!.Value;
        insight.Tags = Insight.NormaliseTags(command.Tags);
        insight.IsOpportunity = command.IsOpportunity;
        await db.SaveChangesCheckedAsync(cancellationToken);
        return insight.Id;
    }
}
