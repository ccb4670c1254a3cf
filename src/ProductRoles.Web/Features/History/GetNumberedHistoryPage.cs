using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.History;

/// <summary>
/// The product's history by page number with the total, as the API's cursor pages it. The history page
/// itself pages by key (<see cref="GetProductHistory"/>): this one counts every row.
/// </summary>
[Requires(Permission.ViewHistory)]
public sealed record GetNumberedHistoryPage(string ProductSlug, int Page = 1) : IQuery<NumberedHistoryPage>, IProductRequest;

public sealed record NumberedHistoryPage(IReadOnlyList<HistoryEntry> Entries, int Page, int PageCount, int Total);

public sealed class GetNumberedHistoryPageValidator : AbstractValidator<GetNumberedHistoryPage>
{
    public GetNumberedHistoryPageValidator() => RuleFor(q => q.Page).GreaterThan(0).WithMessage("Pages start at 1.");
}

public sealed class GetNumberedHistoryPageHandler(AppDbContext db)
    : IQueryHandler<GetNumberedHistoryPage, NumberedHistoryPage>
{
    public async ValueTask<NumberedHistoryPage> Handle(GetNumberedHistoryPage query, CancellationToken cancellationToken)
    {
        const int PageSize = GetProductHistoryHandler.PageSize;
        var total = await db.Activities.CountAsync(cancellationToken);
        var entries = await HistoryQueries.ForProduct(db)
            .Skip((query.Page - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        return new NumberedHistoryPage(entries, query.Page, Math.Max(1, (total + PageSize - 1) / PageSize), total);
    }
}
