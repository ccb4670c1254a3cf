using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>Where a backlog page starts: after the row of this rank and id, which stood at this position.</summary>
public sealed record BacklogKey(string Rank, int Id, int Position);

/// <summary>
/// The backlog in order, filtered exactly as on the backlog page, a keyset page at a time: the page after
/// <see cref="After"/> is read by rank, so rows added or moved meanwhile shift nothing already given.
/// </summary>
[Requires(Permission.ViewBacklog)]
public sealed record ListBacklogRows(string ProductSlug, BacklogFilter Filter, BacklogKey? After, int PageSize = 50)
    : IQuery<KeysetPage<BacklogRow>>, IProductRequest;

public sealed class ListBacklogRowsHandler(AppDbContext db, ProductContext product) : IQueryHandler<ListBacklogRows, KeysetPage<BacklogRow>>
{
    public async ValueTask<KeysetPage<BacklogRow>> Handle(ListBacklogRows query, CancellationToken cancellationToken)
    {
        var items = GetBacklogHandler.Filtered(db, product.Id, db.BacklogItems.AsNoTracking(), query.Filter);
        var total = await items.CountAsync(cancellationToken);
        if (query.After is { } after)
        {
            items = items.Where(i => string.Compare(i.Rank, after.Rank) > 0 || (i.Rank == after.Rank && i.Id > after.Id));
        }

        var rows = await items.OrderBy(i => i.Rank).ThenBy(i => i.Id).Take(query.PageSize + 1)
            .Select(i => new
            {
                i.Id, i.Type, i.Title, i.Status, i.Estimate, i.Rank, i.RoadmapItemId, RoadmapItemTitle = i.RoadmapItem!.Title,
                Tags = string.Join(",", i.Tags.Select(t => t.Name)),
                CriteriaCount = i.AcceptanceCriteria.Count,
                CriteriaMet = i.AcceptanceCriteria.Count(c => c.IsMet),
                FeedbackCount = i.SourceFeedback.Count,
                i.Version,
            })
            .ToListAsync(cancellationToken);
        var offset = query.After?.Position ?? 0;
        var page = rows.Take(query.PageSize).Select((r, n) => new BacklogRow(r.Id, offset + n + 1, r.Type, r.Title, r.Status, r.Estimate, r.Rank,
            r.RoadmapItemId, r.RoadmapItemTitle, BacklogRules.ParseTags(r.Tags), r.CriteriaCount, r.CriteriaMet, r.FeedbackCount, r.Version)).ToList();
        return new KeysetPage<BacklogRow>(page, rows.Count > query.PageSize, total);
    }
}
