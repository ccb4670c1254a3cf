using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Roadmap;

public sealed class NewModel : ProductPageModel
{
    [BindProperty]
    public RoadmapItemInput Input { get; set; } = new();

    public RoadmapItemOptions? Options { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, id) = await TrySendAsync(Input.ToCommand(Slug, 0));
        if (!ok)
        {
            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = $"“{Input.Title?.Trim()}” added to {Input.Horizon}.";
        return RedirectToPage("/ProductManager/Roadmap/Item", new { slug = Slug, id });
    }

    private async Task LoadAsync() => Options = await Sender.Send(new GetRoadmapItemOptions(Slug), HttpContext.RequestAborted);
}
