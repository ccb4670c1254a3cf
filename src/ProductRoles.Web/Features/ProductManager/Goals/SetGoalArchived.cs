using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Goals;

/// <summary>The product manager archives a goal that no longer guides the product, or brings it back.</summary>
[Requires(Permission.EditStrategy)]
public sealed record SetGoalArchived(string ProductSlug, int GoalId, bool Archived, int Version) : ICommand<Unit>, IProductRequest;

public sealed class SetGoalArchivedValidator : AbstractValidator<SetGoalArchived>
{
    public SetGoalArchivedValidator() => RuleFor(c => c.GoalId).GreaterThan(0).WithMessage("Choose a goal.");
}

public sealed class SetGoalArchivedHandler(AppDbContext db) : ICommandHandler<SetGoalArchived, Unit>
{
    public async ValueTask<Unit> Handle(SetGoalArchived command, CancellationToken cancellationToken)
    {
        var goal = await db.Goals.SingleOrNotFoundAsync(g => g.Id == command.GoalId, cancellationToken);
        db.ExpectVersion(goal, command.Version);
        goal.IsArchived = command.Archived;
        await db.SaveChangesCheckedAsync(cancellationToken);
        return Unit.Value;
    }
}
