using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Backlog;

public sealed class NewModel : ProductPageModel
{
    [BindProperty]
    public BacklogItemInput Input { get; set; } = new();

    [BindProperty]
    public bool NewItemsOnTop { get; set; }

    public async Task OnGetAsync()
    {
        NewItemsOnTop = await Sender.Send(new GetBacklogSettings(Slug), HttpContext.RequestAborted);
        await LoadRoadmapChoicesAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, id) = await TrySendAsync(new CreateBacklogItem(Slug, Input.ToFields()));
        if (!ok)
        {
            NewItemsOnTop = await Sender.Send(new GetBacklogSettings(Slug), HttpContext.RequestAborted);
            await LoadRoadmapChoicesAsync();
            return Page();
        }

        TempData["Flash"] = $"Backlog item #{id} created.";
        return RedirectToPage("/ProductOwner/Backlog/Item", new { slug = Slug, id });
    }

    public async Task<IActionResult> OnPostPlacementAsync()
    {
        // A value that is neither top nor bottom is refused with a message, not read as "bottom".
        var (ok, _) = await TrySendAsync(new SetBacklogSettings(Slug, NewItemsOnTop), prefix: "");
        if (!ok)
        {
            await LoadRoadmapChoicesAsync();
            return Page();
        }

        TempData["Flash"] = NewItemsOnTop ? "New items now go to the top of the backlog." : "New items now go to the bottom of the backlog.";
        return RedirectToPage(new { slug = Slug });
    }

    private async Task LoadRoadmapChoicesAsync() =>
        ViewData["RoadmapChoices"] = await Sender.Send(new GetRoadmapChoices(Slug), HttpContext.RequestAborted);
}
