using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Goals;

/// <summary>The product manager creates a goal (GoalId 0) or edits one; a product goal may link to a company goal.</summary>
[Requires(Permission.EditStrategy)]
public sealed record SaveGoal(
    string ProductSlug, int GoalId, string Title, string? Description, GoalLevel Level, int? CompanyGoalId, int Version)
    : ICommand<int>, IProductRequest;

public sealed class SaveGoalValidator : AbstractValidator<SaveGoal>
{
    public SaveGoalValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("Name the objective.")
            .MaximumLength(Goal.TitleMaxLength).WithMessage($"Keep the objective to {Goal.TitleMaxLength} characters.");
        RuleFor(c => c.Description).MaximumLength(Goal.DescriptionMaxLength).WithMessage($"Keep the description to {Goal.DescriptionMaxLength} characters.");
        RuleFor(c => c.Level).IsInEnum().WithMessage("Choose product or company level.");
        RuleFor(c => c.CompanyGoalId).Null().When(c => c.Level == GoalLevel.Company)
            .WithMessage("A company goal does not link to another company goal.");
    }
}

public sealed class SaveGoalHandler(AppDbContext db, ProductContext product, TimeProvider clock) : ICommandHandler<SaveGoal, int>
{
    public async ValueTask<int> Handle(SaveGoal command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        if (command.CompanyGoalId is { } parentId
            && !await db.Goals.AnyAsync(g => g.Id == parentId && g.Level == GoalLevel.Company && g.Id != command.GoalId, cancellationToken))
        {
            throw RequestValidationException.For(nameof(SaveGoal.CompanyGoalId), "Choose one of this product's company goals.");
        }

        Goal goal;
        if (command.GoalId == 0)
        {
            goal = new Goal { ProductId = productId, Title = "", CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Goals.Add(goal);
        }
        else
        {
            goal = await db.Goals.SingleOrNotFoundAsync(g => g.Id == command.GoalId, cancellationToken);
            db.ExpectVersion(goal, command.Version);
            if (command.Level == GoalLevel.Product && goal.Level == GoalLevel.Company
                && await db.Goals.AnyAsync(g => g.CompanyGoalId == goal.Id, cancellationToken))
            {
                throw RequestValidationException.For(nameof(SaveGoal.Level), "Product goals link to this company goal; unlink them first.");
            }
        }

        goal.Title = command.Title.Trim();
        goal.Description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
        goal.Level = command.Level;
        goal.CompanyGoalId = command.Level == GoalLevel.Product ? command.CompanyGoalId : null;
        await db.SaveChangesCheckedAsync(cancellationToken);
        return goal.Id;
    }
}
