using System.Linq.Expressions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Search;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Search;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>What the backlog list is filtered by; all optional.</summary>
public sealed record BacklogFilter(
    BacklogItemStatus? Status = null, BacklogItemType? Type = null, string? Tag = null, int? RoadmapItemId = null, string? Text = null)
{
    public bool IsEmpty => Status is null && Type is null && string.IsNullOrWhiteSpace(Tag) && RoadmapItemId is null
                           && string.IsNullOrWhiteSpace(Text);
}

/// <summary>
/// One page of the product backlog in order, with the total. Two queries whatever the backlog's size:
/// the choices with the total (from the tag table and the product's counter), and the page (tags and
/// criteria counts projected, not loaded per row); a filtered list counts its matches in a third.
/// </summary>
[Requires(Permission.ViewBacklog)]
public sealed record GetBacklog(string ProductSlug, BacklogFilter Filter, int Page = 1) : IQuery<BacklogPage>, IProductRequest;

public sealed record BacklogPage(
    IReadOnlyList<BacklogRow> Items, int Page, int PageCount, int Total, int PageSize, IReadOnlyList<string> AllTags,
    IReadOnlyList<RoadmapOption> RoadmapItems)
{
    /// <summary>Whether the caller may reorder this list: the right to order the backlog, and the whole backlog shown (a filtered list has gaps).</summary>
    public bool CanOrder { get; init; }

    /// <summary>Whether the caller may edit items (bulk edit).</summary>
    public bool CanEdit { get; init; }

    /// <summary>Whether the caller may add items.</summary>
    public bool CanCreate { get; init; }
}

/// <summary>A roadmap item as filters and bulk edit offer it.</summary>
public sealed record RoadmapOption(int Id, string Title);

public sealed record BacklogRow(
    int Id, int Position, BacklogItemType Type, string Title, BacklogItemStatus Status, int? Estimate, string Rank,
    int? RoadmapItemId, string? RoadmapItemTitle, IReadOnlyList<string> Tags, int CriteriaCount, int CriteriaMet, int FeedbackCount,
    int Version);

public sealed class GetBacklogValidator : AbstractValidator<GetBacklog>
{
    public GetBacklogValidator() => RuleFor(q => q.Page).GreaterThan(0).WithMessage("Pages start at 1.");
}

public sealed class GetBacklogHandler(AppDbContext db, ProductContext product) : IQueryHandler<GetBacklog, BacklogPage>
{
    public const int PageSize = 50;

    public async ValueTask<BacklogPage> Handle(GetBacklog query, CancellationToken cancellationToken)
    {
        // The product's rows are scoped by hand (IgnoreQueryFilters) so their children are not: an item's
        // tags are then an index lookup per row. Through the child filter, SQLite built every tag of the
        // product into a temporary table and scanned it once per row (74 ms a view at 10,000 items).
        var productId = product.Id;
        var items = Filtered(db, productId, db.BacklogItems.AsNoTracking().IgnoreQueryFilters().Where(i => i.ProductId == productId), query.Filter);

        // The filter's choices (tags with their counts, roadmap items) and, without a filter, the total,
        // in one statement that reads no item: the tag table and the product's counter (BacklogTally).
        var options = await db.ProductTags.AsNoTracking().IgnoreQueryFilters().Where(t => t.ProductId == productId && t.ItemCount > 0)
            .Select(t => new { Kind = 0, Id = 0, Name = t.Name })
            .Concat(db.RoadmapItems.AsNoTracking().IgnoreQueryFilters().Where(r => r.ProductId == productId)
                .Select(r => new { Kind = 1, r.Id, Name = r.Title }))
            .Concat(db.Products.AsNoTracking().Where(p => p.Id == productId)
                .Select(p => new { Kind = 2, Id = p.BacklogItemCount, Name = "" }))
            .ToListAsync(cancellationToken);
        var tags = options.Where(o => o.Kind == 0).Select(o => o.Name).Order(StringComparer.Ordinal).ToList();
        var roadmap = options.Where(o => o.Kind == 1).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).Select(o => new RoadmapOption(o.Id, o.Name)).ToList();

        var total = query.Filter.IsEmpty ? options.Where(o => o.Kind == 2).Select(o => o.Id).FirstOrDefault()
            : await TextMatchesAsync(db, productId, query.Filter, cancellationToken) ?? await items.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Min(query.Page, pageCount);
        var offset = (page - 1) * PageSize;
        var rows = await items.OrderBy(i => i.Rank).Skip(offset).Take(PageSize).Select(Row).ToListAsync(cancellationToken);

        // Positions are the place in the whole backlog; with a filter on they are only shown relative.
        var list = new List<BacklogRow>(rows.Count);
        foreach (var r in rows)
        {
            list.Add(new BacklogRow(r.Id, offset + list.Count + 1, r.Type, r.Title, r.Status, r.Estimate, r.Rank,
                r.RoadmapItemId, r.RoadmapItemTitle, SplitTags(r.Tags), r.CriteriaCount, r.CriteriaMet, r.FeedbackCount, r.Version));
        }

        return new BacklogPage(list, page, pageCount, total, PageSize, tags, roadmap)
        {
            CanOrder = product.Can(Permission.OrderBacklog) && query.Filter.IsEmpty,
            CanEdit = product.Can(Permission.EditBacklogItems),
            CanCreate = product.Can(Permission.CreateBacklogItems),
        };
    }

    /// <summary>
    /// A list filtered by its text alone is counted in the index, reading no item: the index holds one row
    /// per item of the product. Joining every match to the items to count them cost three times as much.
    /// </summary>
    private static async Task<int?> TextMatchesAsync(AppDbContext db, int productId, BacklogFilter filter, CancellationToken cancellationToken)
    {
        if (!(filter with { Text = null }).IsEmpty)
        {
            return null;
        }

        var terms = SearchTerms.Parse(filter.Text!.Length > SearchTerms.MaxLength ? filter.Text[..SearchTerms.MaxLength] : filter.Text);
        return terms.IsSearchable
            ? await SearchIndexSql.For(db.Database).CountMatching(db.Database, terms, productId, SearchKind.BacklogItem).SingleAsync(cancellationToken)
            : 0;
    }

    /// <summary>A row as read: its tags one string, aggregated by the database in a sub-query of the row
    /// (group_concat / STRING_AGG). The grouping is what makes EF translate the join: a plain string.Join over
    /// the tags joined every tag to the page and sorted the lot, then built the strings per row in memory.</summary>
    private sealed record RowData(
        int Id, BacklogItemType Type, string Title, BacklogItemStatus Status, int? Estimate, string Rank, int? RoadmapItemId, string? RoadmapItemTitle,
        string? Tags, int CriteriaCount, int CriteriaMet, int FeedbackCount, int Version);

    private static readonly Expression<Func<BacklogItem, RowData>> Row = i => new RowData(
        i.Id, i.Type, i.Title, i.Status, i.Estimate, i.Rank, i.RoadmapItemId, i.RoadmapItem!.Title,
        i.Tags.GroupBy(t => t.BacklogItemId).Select(g => string.Join(",", g.Select(t => t.Name))).FirstOrDefault(),
        i.AcceptanceCriteria.Count, i.AcceptanceCriteria.Count(c => c.IsMet), i.SourceFeedback.Count, i.Version);

    // Stored tags are normalised already (BacklogRules.ParseTags on the way in): only the separator to split on.
    private static IReadOnlyList<string> SplitTags(string? tags) => string.IsNullOrEmpty(tags) ? [] : tags.Split(',');

    public static IQueryable<BacklogItem> Filtered(AppDbContext db, int productId, IQueryable<BacklogItem> items, BacklogFilter filter)
    {
        if (filter.Status is { } status)
        {
            items = items.Where(i => i.Status == status);
        }

        if (filter.Type is { } type)
        {
            items = items.Where(i => i.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            var tag = filter.Tag.Trim().TrimStart('#').ToLowerInvariant();
            items = items.Where(i => i.Tags.Any(t => t.Name == tag));
        }

        if (filter.RoadmapItemId is { } roadmapItemId)
        {
            items = items.Where(i => i.RoadmapItemId == roadmapItemId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // The search index (title, story, description, external key), not a scan of every item's text:
            // a sub-query of the same statement. Text with nothing searchable in it matches nothing.
            var terms = SearchTerms.Parse(filter.Text.Length > SearchTerms.MaxLength ? filter.Text[..SearchTerms.MaxLength] : filter.Text);
            if (!terms.IsSearchable)
            {
                return items.Where(i => false);
            }

            var matching = SearchIndexSql.For(db.Database).Matching(db.Database, terms, productId, SearchKind.BacklogItem);
            items = items.Where(i => matching.Contains(i.Id));
        }

        return items;
    }
}

/// <summary>The product's roadmap items for a backlog item's "roadmap item" choice.</summary>
[Requires(Permission.ViewBacklog)]
public sealed record GetRoadmapChoices(string ProductSlug) : IQuery<IReadOnlyList<RoadmapOption>>, IProductRequest;

public sealed class GetRoadmapChoicesHandler(AppDbContext db)
    : IQueryHandler<GetRoadmapChoices, IReadOnlyList<RoadmapOption>>
{
    public async ValueTask<IReadOnlyList<RoadmapOption>> Handle(GetRoadmapChoices query, CancellationToken cancellationToken) =>
        await db.RoadmapItems.AsNoTracking().OrderBy(r => r.Title)
            .Select(r => new RoadmapOption(r.Id, r.Title)).ToListAsync(cancellationToken);
}
