using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Research;

/// <summary>The product manager corrects or completes an insight.</summary>
[Requires(Permission.EditStrategy)]
public sealed record EditInsight(
    string ProductSlug, int InsightId, InsightKind Kind, string Title, string? Summary, string? Source, DateOnly? ObservedOn,
    string? Tags, bool IsOpportunity, int Version)
    : ICommand<Unit>, IProductRequest, IInsightInput;

public sealed class EditInsightValidator : AbstractValidator<EditInsight>
{
    public EditInsightValidator(TimeProvider clock) => Include(new InsightInputValidator(clock));
}

public sealed class EditInsightHandler(AppDbContext db) : ICommandHandler<EditInsight, Unit>
{
    public async ValueTask<Unit> Handle(EditInsight command, CancellationToken cancellationToken)
    {
        var insight = await db.Insights.SingleOrNotFoundAsync(i => i.Id == command.InsightId, cancellationToken);
        db.ExpectVersion(insight, command.Version);
        insight.RecordFrom(command);
        await db.SaveChangesCheckedAsync(cancellationToken);
        return Unit.Value;
    }
}
