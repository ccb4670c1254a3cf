using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Research;

/// <summary>The product manager records a new insight; it may be marked as a new opportunity. Returns its id.</summary>
[Requires(Permission.EditStrategy)]
public sealed record RecordInsight(
    string ProductSlug, InsightKind Kind, string Title, string? Summary, string? Source, DateOnly? ObservedOn,
    string? Tags, bool IsOpportunity)
    : ICommand<int>, IProductRequest, IInsightInput;

public sealed class RecordInsightValidator : AbstractValidator<RecordInsight>
{
    public RecordInsightValidator(TimeProvider clock) => Include(new InsightInputValidator(clock));
}

public sealed class RecordInsightHandler(AppDbContext db, ProductContext product, TimeProvider clock) : ICommandHandler<RecordInsight, int>
{
    public async ValueTask<int> Handle(RecordInsight command, CancellationToken cancellationToken)
    {
        var insight = new Insight { ProductId = product.Id, Title = "", CreatedAt = clock.GetUtcNow().UtcDateTime };
        insight.RecordFrom(command);
        db.Insights.Add(insight);
        await db.SaveChangesCheckedAsync(cancellationToken);
        return insight.Id;
    }
}
