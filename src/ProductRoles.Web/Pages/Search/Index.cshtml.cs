using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Search;
using ProductRoles.Web.Features.Search;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Search;

/// <summary>Search across the caller's products (the top bar's box), and the command palette's entries as JSON.</summary>
public sealed class IndexModel : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SearchResults? Results { get; private set; }

    public async Task OnGetAsync()
    {
        // An empty box on the search page is not an error: the page just asks for a word.
        Results = await Sender.Send(new SearchEverything(Text, PageNumber), Aborted);
    }

    /// <summary>The palette's entries for what was typed: actions, pages and items, each with where it goes.</summary>
    public async Task<IActionResult> OnGetPaletteAsync(string? product)
    {
        var palette = await Sender.Send(new GetPalette(Text, product), Aborted);
        var terms = SearchTerms.Parse(Text);
        var current = palette.Products.FirstOrDefault(p => p.Slug == product);
        var pages = palette.Products
            .OrderBy(p => p == current ? 0 : 1)
            .SelectMany(p => ProductNavigation.Items.Where(i => p.Can(i.Permission))
                .Select(i => new PaletteEntry("Page", palette.Products.Count > 1 ? $"{i.Label} · {p.Name}" : i.Label, p.Name,
                    Url.Page(i.Page, new { slug = p.Slug })!)))
            .Where(e => terms.IsSearchable ? terms.AllIn(e.Label) : current is null || e.Detail == current.Name)
            .Take(terms.IsSearchable ? 8 : 12);
        var entries = palette.Actions.Select(a => new PaletteEntry("Action", a.Label, current?.Name ?? "", a.Url))
            .Concat(pages)
            .Concat(palette.Items.Select(r => new PaletteEntry(r.KindName, string.Concat(r.Title.Select(t => t.Text)), r.ProductName, r.Url)))
            .ToList();
        return new JsonResult(new { entries });
    }

    /// <summary>One line of the palette: what it is (action, page, or the kind of item), its label, where it is, where it goes.</summary>
    public sealed record PaletteEntry(string Group, string Label, string Detail, string Url);
}
