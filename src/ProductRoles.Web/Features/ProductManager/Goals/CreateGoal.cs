using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Goals;

/// <summary>The product manager sets a new goal; a product goal may serve a company goal. Returns its id.</summary>
[Requires(Permission.EditStrategy)]
public sealed record CreateGoal(string ProductSlug, string Title, string? Description, GoalLevel Level, int? CompanyGoalId)
    : ICommand<int>, IProductRequest, IGoalInput;

public sealed class CreateGoalValidator : AbstractValidator<CreateGoal>
{
    public CreateGoalValidator() => Include(new GoalInputValidator());
}

public sealed class CreateGoalHandler(AppDbContext db, ProductContext product, TimeProvider clock) : ICommandHandler<CreateGoal, int>
{
    public async ValueTask<int> Handle(CreateGoal command, CancellationToken cancellationToken)
    {
        await GoalInputRules.EnsureCompanyGoalAsync(db, command, null, cancellationToken);
        var goal = new Goal { ProductId = product.Id, Title = "", CreatedAt = clock.GetUtcNow().UtcDateTime };
        goal.Describe(command.Title, command.Description, command.Level, command.CompanyGoalId);
        db.Goals.Add(goal);
        await db.SaveChangesCheckedAsync(cancellationToken);
        return goal.Id;
    }
}
