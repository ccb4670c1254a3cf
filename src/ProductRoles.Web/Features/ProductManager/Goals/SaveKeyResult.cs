using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Goals;

/// <summary>The product manager adds a key result to a goal (KeyResultId 0) or updates one, e.g. its current value.</summary>
[Requires(Permission.EditStrategy)]
public sealed record SaveKeyResult(
    string ProductSlug, int GoalId, int KeyResultId, string Metric, decimal? Baseline, decimal? Target, decimal? Current,
    DateOnly? DueOn, int Version)
    : ICommand<int>, IProductRequest;

public sealed class SaveKeyResultValidator : AbstractValidator<SaveKeyResult>
{
    private const decimal Limit = 1_000_000_000m;

    public SaveKeyResultValidator()
    {
        RuleFor(c => c.Metric).NotEmpty().WithMessage("Name the metric, e.g. checkout conversion (%).")
            .MaximumLength(KeyResult.MetricMaxLength).WithMessage($"Keep the metric to {KeyResult.MetricMaxLength} characters.");
        RuleFor(c => c.Baseline).NotNull().WithMessage("Enter the baseline.")
            .InclusiveBetween(-Limit, Limit).WithMessage("Enter a number between -1,000,000,000 and 1,000,000,000.");
        RuleFor(c => c.Target).NotNull().WithMessage("Enter the target.")
            .InclusiveBetween(-Limit, Limit).WithMessage("Enter a number between -1,000,000,000 and 1,000,000,000.")
            .NotEqual(c => c.Baseline).WithMessage("The target must differ from the baseline.");
        RuleFor(c => c.Current).NotNull().WithMessage("Enter the current value.")
            .InclusiveBetween(-Limit, Limit).WithMessage("Enter a number between -1,000,000,000 and 1,000,000,000.");
        RuleFor(c => c.DueOn).NotNull().WithMessage("Enter a due date.")
            .InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithMessage("Enter a due date between 2000 and 2100.");
    }
}

public sealed class SaveKeyResultHandler(AppDbContext db, ProductContext product) : ICommandHandler<SaveKeyResult, int>
{
    public async ValueTask<int> Handle(SaveKeyResult command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var goal = await db.Goals.SingleOrNotFoundAsync(g => g.Id == command.GoalId, cancellationToken);
        KeyResult keyResult;
        if (command.KeyResultId == 0)
        {
            keyResult = new KeyResult { GoalId = goal.Id, ProductId = productId, Metric = "" };
            db.KeyResults.Add(keyResult);
        }
        else
        {
            keyResult = await db.KeyResults.SingleOrNotFoundAsync(k => k.Id == command.KeyResultId && k.GoalId == goal.Id, cancellationToken);
            db.ExpectVersion(keyResult, command.Version);
        }

        keyResult.Metric = command.Metric.Trim();
        keyResult.Baseline = command.Baseline!.Value;
        keyResult.Target = command.Target!.Value;
        keyResult.Current = command.Current!.Value;
        keyResult.DueOn = command.DueOn!.Value;
        await db.SaveChangesCheckedAsync(cancellationToken);
        return keyResult.Id;
    }
}
