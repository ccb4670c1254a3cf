using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Features.ProductManager.Goals;

/// <summary>What a goal says, as both <see cref="CreateGoal"/> and <see cref="EditGoal"/> send it.</summary>
public interface IGoalInput
{
    string Title { get; }
    string? Description { get; }
    GoalLevel Level { get; }
    int? CompanyGoalId { get; }
}

public sealed class GoalInputValidator : AbstractValidator<IGoalInput>
{
    public GoalInputValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("Name the objective.")
            .MaximumLength(Goal.TitleMaxLength).WithMessage($"Keep the objective to {Goal.TitleMaxLength} characters.");
        RuleFor(c => c.Description).MaximumLength(Goal.DescriptionMaxLength).WithMessage($"Keep the description to {Goal.DescriptionMaxLength} characters.");
        RuleFor(c => c.Level).IsInEnum().WithMessage("Choose product or company level.");
        RuleFor(c => c.CompanyGoalId).Null().When(c => c.Level == GoalLevel.Company)
            .WithMessage("A company goal does not link to another company goal.");
    }
}

public static class GoalInputRules
{
    /// <summary>A product goal serves one of this product's company goals (never itself).</summary>
    public static async Task EnsureCompanyGoalAsync(AppDbContext db, IGoalInput input, int? goalId, CancellationToken cancellationToken)
    {
        if (input.CompanyGoalId is { } parentId
            && !await db.Goals.AnyAsync(g => g.Id == parentId && g.Level == GoalLevel.Company && g.Id != goalId, cancellationToken))
        {
            throw RequestValidationException.For(nameof(IGoalInput.CompanyGoalId), "Choose one of this product's company goals.");
        }
    }
}
