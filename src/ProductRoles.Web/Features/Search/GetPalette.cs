using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Search;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Search;

/// <summary>
/// What the command palette (Ctrl/⌘+K) offers for the text typed so far: the caller's products (the page
/// builds their pages from the navigation, by permission), the main actions in the product the caller
/// is on — only those their role may do there —, and the best matching items from the search index.
/// </summary>
public sealed record GetPalette(string? Text, string? CurrentProductSlug) : IQuery<Palette>
{
    public const int MaxItems = 8;
}

public sealed record Palette(IReadOnlyList<SearchableProduct> Products, IReadOnlyList<PaletteAction> Actions, IReadOnlyList<SearchResult> Items);

/// <summary>An action, as a link to the real form that does it (which checks the permission again).</summary>
public sealed record PaletteAction(string Label, string Url);

public sealed class GetPaletteHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetPalette, Palette>
{
    public async ValueTask<Palette> Handle(GetPalette query, CancellationToken cancellationToken)
    {
        var products = await SearchScopes.ProductsAsync(db, user, cancellationToken);
        var current = products.FirstOrDefault(p => p.Slug == query.CurrentProductSlug);
        List<PaletteAction> actions = current is null ? [] : await ActionsAsync(current, cancellationToken);
        var terms = SearchTerms.Parse(query.Text);
        if (terms.IsSearchable)
        {
            actions = [.. actions.Where(a => terms.AllIn(a.Label))];
        }

        var items = terms.IsSearchable
            ? (await SearchFinder.FindAsync(db, terms, products, 0, GetPalette.MaxItems, cancellationToken)).Results
            : [];
        return new Palette(products, actions, items);
    }

    private async Task<List<PaletteAction>> ActionsAsync(SearchableProduct product, CancellationToken cancellationToken)
    {
        var slug = product.Slug;
        var actions = new List<PaletteAction>();
        if (product.Can(Permission.CreateBacklogItems))
        {
            actions.Add(new("New backlog item", $"/p/{slug}/backlog/new"));
        }

        if (product.Can(Permission.EditStrategy))
        {
            actions.Add(new("New roadmap item", $"/p/{slug}/roadmap/new"));
            actions.Add(new("New insight", $"/p/{slug}/research/new"));
        }

        if (product.Can(Permission.PlanSprints))
        {
            var productId = product.Id;
            var sprints = db.Sprints.AsNoTracking().IgnoreQueryFilters().Where(s => s.ProductId == productId);
            if (!await sprints.AnyAsync(s => s.State == SprintState.Active, cancellationToken)
                && await sprints.Where(s => s.State == SprintState.Planned).OrderBy(s => s.StartDate)
                    .Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(cancellationToken) is { } next)
            {
                actions.Add(new($"Start sprint: {next.Name}", $"/p/{slug}/sprints/{next.Id}"));
            }
        }

        if (product.Can(Permission.EditStrategy))
        {
            actions.Add(new("Publish roadmap", $"/p/{slug}/roadmap#publish-note"));
        }

        return actions;
    }
}
