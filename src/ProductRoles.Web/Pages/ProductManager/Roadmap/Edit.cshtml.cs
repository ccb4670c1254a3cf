using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Roadmap;

public sealed class EditModel : ProductPageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public RoadmapItemInput Input { get; set; } = new();

    public RoadmapItemOptions? Options { get; private set; }
    public string Title { get; private set; } = string.Empty;

    public async Task OnGetAsync()
    {
        var item = await LoadAsync();
        Input = RoadmapItemInput.From(item);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(Input.ToCommand(Slug, Id));
        if (!ok)
        {
            await LoadAsync();
            if (Conflict is not null)
            {
                Input.Version = Conflict.CurrentVersion;
            }

            return Page();
        }

        TempData["Flash"] = "Roadmap item saved.";
        return RedirectToPage("/ProductManager/Roadmap/Item", new { slug = Slug, id = Id });
    }

    private async Task<RoadmapItemDetail> LoadAsync()
    {
        Options = await Sender.Send(new GetRoadmapItemOptions(Slug), HttpContext.RequestAborted);
        var item = await Sender.Send(new GetRoadmapItem(Slug, Id), HttpContext.RequestAborted);
        Title = item.Title;
        return item;
    }
}
