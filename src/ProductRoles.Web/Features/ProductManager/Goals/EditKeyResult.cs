using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Goals;

/// <summary>The product manager updates a key result, e.g. its current value.</summary>
[Requires(Permission.EditStrategy)]
public sealed record EditKeyResult(
    string ProductSlug, int GoalId, int KeyResultId, string Metric, decimal? Baseline, decimal? Target, decimal? Current,
    DateOnly? DueOn, int Version, KeyResultMeasure MeasuredBy = KeyResultMeasure.CheckIns)
    : ICommand<Unit>, IProductRequest, IKeyResultInput;

public sealed class EditKeyResultValidator : AbstractValidator<EditKeyResult>
{
    public EditKeyResultValidator() => Include(new KeyResultInputValidator());
}

public sealed class EditKeyResultHandler(AppDbContext db) : ICommandHandler<EditKeyResult, Unit>
{
    public async ValueTask<Unit> Handle(EditKeyResult command, CancellationToken cancellationToken)
    {
        var keyResult = await db.KeyResults.SingleOrNotFoundAsync(
            k => k.Id == command.KeyResultId && k.GoalId == command.GoalId, cancellationToken);
        db.ExpectVersion(keyResult, command.Version);
        keyResult.MeasureFrom(command);
        await db.SaveChangesCheckedAsync(cancellationToken);
        return Unit.Value;
    }
}
