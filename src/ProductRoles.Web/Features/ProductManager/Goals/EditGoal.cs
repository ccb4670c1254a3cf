using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Goals;

/// <summary>The product manager rewords a goal or changes its level or the company goal it serves.</summary>
[Requires(Permission.EditStrategy)]
public sealed record EditGoal(
    string ProductSlug, int GoalId, string Title, string? Description, GoalLevel Level, int? CompanyGoalId, int Version)
    : ICommand<Unit>, IProductRequest, IGoalInput;

public sealed class EditGoalValidator : AbstractValidator<EditGoal>
{
    public EditGoalValidator() => Include(new GoalInputValidator());
}

public sealed class EditGoalHandler(AppDbContext db) : ICommandHandler<EditGoal, Unit>
{
    public async ValueTask<Unit> Handle(EditGoal command, CancellationToken cancellationToken)
    {
        var goal = await db.Goals.SingleOrNotFoundAsync(g => g.Id == command.GoalId, cancellationToken);
        db.ExpectVersion(goal, command.Version);
        await GoalInputRules.EnsureCompanyGoalAsync(db, command, goal.Id, cancellationToken);
        if (command.Level == GoalLevel.Product && goal.Level == GoalLevel.Company
            && await db.Goals.AnyAsync(g => g.CompanyGoalId == goal.Id, cancellationToken))
        {
            throw RequestValidationException.For(nameof(EditGoal.Level), "Product goals link to this company goal; unlink them first.");
        }

        goal.Describe(command.Title, command.Description, command.Level, command.CompanyGoalId);
        await db.SaveChangesCheckedAsync(cancellationToken);
        return Unit.Value;
    }
}
