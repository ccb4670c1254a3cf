using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Features.ProductManager.Research;

/// <summary>What is known about a competitor, as both <see cref="AddCompetitor"/> and <see cref="EditCompetitor"/> send it.</summary>
public interface ICompetitorInput
{
    string Name { get; }
    string? Strengths { get; }
    string? Weaknesses { get; }
    string? Positioning { get; }
}

public sealed class CompetitorInputValidator : AbstractValidator<ICompetitorInput>
{
    public CompetitorInputValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Name the competitor.")
            .MaximumLength(Competitor.NameMaxLength).WithMessage($"Keep the name to {Competitor.NameMaxLength} characters.");
        RuleFor(c => c.Strengths).MaximumLength(Competitor.TextMaxLength).WithMessage($"Keep this to {Competitor.TextMaxLength} characters.");
        RuleFor(c => c.Weaknesses).MaximumLength(Competitor.TextMaxLength).WithMessage($"Keep this to {Competitor.TextMaxLength} characters.");
        RuleFor(c => c.Positioning).NotEmpty().WithMessage("Describe how they position themselves.")
            .MaximumLength(Competitor.TextMaxLength).WithMessage($"Keep this to {Competitor.TextMaxLength} characters.");
    }
}

public static class CompetitorInputs
{
    /// <summary>A competitor is listed once per product, whatever the letter case.</summary>
    public static async Task EnsureNotListedAsync(AppDbContext db, ICompetitorInput input, int? competitorId, CancellationToken cancellationToken)
    {
        var name = input.Name.Trim();
        var others = await db.Competitors.Where(c => c.Id != competitorId).Select(c => c.Name).ToListAsync(cancellationToken);
        if (others.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw RequestValidationException.For(nameof(ICompetitorInput.Name), $"{name} is already listed.");
        }
    }

    /// <summary>Copies validated input onto the competitor, trimmed.</summary>
    public static void DescribeFrom(this Competitor competitor, ICompetitorInput input)
    {
        competitor.Name = input.Name.Trim();
        competitor.Strengths = input.Strengths?.Trim() ?? "";
        competitor.Weaknesses = input.Weaknesses?.Trim() ?? "";
        competitor.Positioning = input.Positioning!.Trim();
    }
}
