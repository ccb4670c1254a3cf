using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.History;

/// <summary>
/// The product's whole history, newest first, 50 rows at a time, paged by key: the rows older than
/// <see cref="Before"/> or newer than <see cref="After"/>. An index range read whatever the history's size;
/// no total, since counting 100,000 rows cost more than showing the page.
/// </summary>
[Requires(Permission.ViewHistory)]
public sealed record GetProductHistory(string ProductSlug, long? Before = null, long? After = null) : IQuery<HistoryPage>, IProductRequest;

/// <summary>One page of history; <see cref="Older"/> and <see cref="Newer"/> are the keys of the pages beside it, if any.</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Entries, long? Older, long? Newer);

public sealed class GetProductHistoryHandler(AppDbContext db)
    : IQueryHandler<GetProductHistory, HistoryPage>
{
    public const int PageSize = 50;

    public async ValueTask<HistoryPage> Handle(GetProductHistory query, CancellationToken cancellationToken)
    {
        // One row more than a page tells whether there is another page that way.
        if (query.After is { } after)
        {
            var newer = await HistoryQueries.Project(db.Activities.AsNoTracking().Where(a => a.Id > after), newestFirst: false)
                .Take(PageSize + 1).ToListAsync(cancellationToken);
            var shown = newer.Take(PageSize).Reverse().ToList();
            return new HistoryPage(shown, shown.Count > 0 ? shown[^1].Id : null, newer.Count > PageSize ? shown[0].Id : null);
        }

        var activities = db.Activities.AsNoTracking();
        if (query.Before is { } before)
        {
            activities = activities.Where(a => a.Id < before);
        }

        var rows = await HistoryQueries.Project(activities, newestFirst: true).Take(PageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(PageSize).ToList();
        return new HistoryPage(page, rows.Count > PageSize ? page[^1].Id : null, query.Before is not null && page.Count > 0 ? page[0].Id : null);
    }
}
