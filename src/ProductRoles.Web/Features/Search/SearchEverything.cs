using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Search;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Search;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Search;

/// <summary>
/// The search page: what matches the text in every product of the caller, limited to what their role
/// there may read, best first (matches in a title or key, then the rest, newest first in each), a page
/// at a time. Text that cannot be searched for (empty, too long, punctuation only) gives the reason instead
/// of results.
/// </summary>
public sealed record SearchEverything(string? Text, int Page = 1, int PageSize = SearchEverything.DefaultPageSize) : IQuery<SearchResults>
{
    public const int DefaultPageSize = 20;
    public const int MaxPage = 50;

    /// <summary>Results are counted (and ranked) up to this many; beyond it the page says "more than".</summary>
    public const int MaxCounted = 1000;
}

public sealed record SearchResults(string Text, string? Problem, IReadOnlyList<SearchResult> Results, int Total, int Page, int PageSize)
{
    /// <summary>Whether more matched than were counted (<see cref="Total"/> is then a lower bound).</summary>
    public bool MoreThanTotal => Total > SearchEverything.MaxCounted;

    public int PageCount => Math.Min(SearchEverything.MaxPage, Math.Max(1, (Math.Min(Total, SearchEverything.MaxCounted) + PageSize - 1) / PageSize));
}

/// <summary>One thing found: what it is, where, and its title and a snippet in parts (matched words marked).</summary>
public sealed record SearchResult(
    SearchKind Kind, int Id, string ProductSlug, string ProductName, string Url,
    IReadOnlyList<HighlightPart> Title, IReadOnlyList<HighlightPart> Snippet, IReadOnlyList<HighlightPart> ExternalKey)
{
    public string KindName => Kind.Display();
}

public sealed class SearchEverythingHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<SearchEverything, SearchResults>
{
    public async ValueTask<SearchResults> Handle(SearchEverything query, CancellationToken cancellationToken)
    {
        var text = query.Text?.Trim() ?? "";
        var terms = SearchTerms.Parse(query.Text);
        var page = Math.Clamp(query.Page, 1, SearchEverything.MaxPage);
        if (!terms.IsSearchable)
        {
            return new SearchResults(text, terms.Problem, [], 0, page, query.PageSize);
        }

        var products = await SearchScopes.ProductsAsync(db, user, cancellationToken);
        var found = await SearchFinder.FindAsync(db, terms, products, (page - 1) * query.PageSize, query.PageSize, SearchEverything.MaxCounted + 1, cancellationToken);
        return new SearchResults(text, null, found.Results, found.Total, page, query.PageSize);
    }
}

/// <summary>Runs a search over the index and turns its rows into results; shared by the search page and the palette.</summary>
public static class SearchFinder
{
    public static async Task<(IReadOnlyList<SearchResult> Results, int Total)> FindAsync(
        AppDbContext db, SearchTerms terms, IReadOnlyList<SearchableProduct> products, int skip, int take, int rankAmong, CancellationToken cancellationToken)
    {
        var scopes = SearchScopes.For(products);
        if (scopes.Count == 0)
        {
            return ([], 0);
        }

        var rows = await SearchIndexSql.For(db.Database).Search(db.Database, terms, scopes, skip, take, rankAmong).ToListAsync(cancellationToken);

        // A comment is shown under its item's title: one lookup for the page's comments.
        var parents = rows.Where(r => r.Kind == (int)SearchKind.Comment).Select(r => r.ParentId).Distinct().ToList();
        var titles = parents.Count == 0 ? new Dictionary<int, string>()
            : await db.BacklogItems.AsNoTracking().IgnoreQueryFilters().Where(i => parents.Contains(i.Id))
                .Select(i => new { i.Id, i.Title }).ToDictionaryAsync(i => i.Id, i => i.Title, cancellationToken);
        var byId = products.ToDictionary(p => p.Id);
        var results = rows.Where(r => byId.ContainsKey(r.ProductId)).Select(r =>
        {
            var product = byId[r.ProductId];
            var kind = (SearchKind)r.Kind;
            var title = kind == SearchKind.Comment ? $"Comment on #{r.ParentId} {titles.GetValueOrDefault(r.ParentId)}" : r.Title;
            return new SearchResult(kind, r.EntityId, product.Slug, product.Name, Url(product.Slug, kind, r.EntityId, r.ParentId),
                Highlight.Parts(title, terms), Highlight.Snippet(r.Body, terms), Highlight.Parts(r.ExternalKey, terms));
        }).ToList();
        return (results, rows.Count == 0 ? 0 : rows[0].Total);
    }

    public static string Url(string slug, SearchKind kind, int id, int parentId) => kind switch
    {
        SearchKind.BacklogItem => $"/p/{slug}/backlog/{id}",
        SearchKind.Comment => $"/p/{slug}/backlog/{parentId}",
        SearchKind.RoadmapItem => $"/p/{slug}/roadmap/{id}",
        SearchKind.Insight => $"/p/{slug}/research/{id}",
        SearchKind.Feedback => $"/p/{slug}/feedback/{id}",
        SearchKind.Goal => $"/p/{slug}/goals/{id}",
        SearchKind.Sprint => $"/p/{slug}/sprints/{id}",
        _ => $"/p/{slug}",
    };
}
