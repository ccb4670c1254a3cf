using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.History;

/// <summary>The product's whole history, newest first, a page at a time.</summary>
[Requires(Permission.ViewHistory)]
public sealed record GetProductHistory(string ProductSlug, int Page = 1) : IQuery<HistoryPage>, IProductRequest;

public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Entries, int Page, int PageCount, int Total);

public sealed class GetProductHistoryValidator : AbstractValidator<GetProductHistory>
{
    public GetProductHistoryValidator() => RuleFor(q => q.Page).GreaterThan(0).WithMessage("Pages start at 1.");
}

public sealed class GetProductHistoryHandler(AppDbContext db)
    : IQueryHandler<GetProductHistory, HistoryPage>
{
    public const int PageSize = 50;

    public async ValueTask<HistoryPage> Handle(GetProductHistory query, CancellationToken cancellationToken)
    {
        var total = await db.Activities.CountAsync(cancellationToken);
        var entries = await HistoryQueries.ForProduct(db)
            .Skip((query.Page - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        return new HistoryPage(entries, query.Page, Math.Max(1, (total + PageSize - 1) / PageSize), total);
    }
}
