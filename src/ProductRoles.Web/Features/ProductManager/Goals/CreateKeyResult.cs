using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Goals;

/// <summary>The product manager adds a key result to a goal. Returns its id.</summary>
[Requires(Permission.EditStrategy)]
public sealed record CreateKeyResult(
    string ProductSlug, int GoalId, string Metric, decimal? Baseline, decimal? Target, decimal? Current, DateOnly? DueOn,
    KeyResultMeasure MeasuredBy = KeyResultMeasure.CheckIns)
    : ICommand<int>, IProductRequest, IKeyResultInput;

public sealed class CreateKeyResultValidator : AbstractValidator<CreateKeyResult>
{
    public CreateKeyResultValidator() => Include(new KeyResultInputValidator());
}

public sealed class CreateKeyResultHandler(AppDbContext db) : ICommandHandler<CreateKeyResult, int>
{
    public async ValueTask<int> Handle(CreateKeyResult command, CancellationToken cancellationToken)
    {
        var goal = await db.Goals.SingleOrNotFoundAsync(g => g.Id == command.GoalId, cancellationToken);
        var keyResult = new KeyResult { GoalId = goal.Id, ProductId = goal.ProductId, Metric = "" };
        keyResult.MeasureFrom(command);
        db.KeyResults.Add(keyResult);
        await db.SaveChangesCheckedAsync(cancellationToken);
        return keyResult.Id;
    }
}
