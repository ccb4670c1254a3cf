using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.History;

/// <summary>The product's history, newest first, a keyset page at a time: the page after entry <see cref="BeforeId"/>.</summary>
[Requires(Permission.ViewHistory)]
public sealed record ListHistoryEntries(string ProductSlug, long? BeforeId, int PageSize = 50)
    : IQuery<KeysetPage<HistoryEntry>>, IProductRequest;

public sealed class ListHistoryEntriesHandler(AppDbContext db) : IQueryHandler<ListHistoryEntries, KeysetPage<HistoryEntry>>
{
    public async ValueTask<KeysetPage<HistoryEntry>> Handle(ListHistoryEntries query, CancellationToken cancellationToken)
    {
        var total = await db.Activities.CountAsync(cancellationToken);
        var entries = query.BeforeId is { } before ? HistoryQueries.ForProductBefore(db, before) : HistoryQueries.ForProduct(db);
        var rows = await entries.Take(query.PageSize + 1).ToListAsync(cancellationToken);
        return new KeysetPage<HistoryEntry>(rows.Take(query.PageSize).ToList(), rows.Count > query.PageSize, total);
    }
}
