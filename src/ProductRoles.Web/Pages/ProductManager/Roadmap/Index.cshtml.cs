using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Infrastructure.Security;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Roadmap;

public sealed class IndexModel(ProductAccessResolver access) : ProductPageModel
{
    [BindProperty(SupportsGet = true)]
    public RoadmapSort Sort { get; set; }

    public RoadmapBoard? Board { get; private set; }
    public bool CanEdit { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    /// <summary>The one move command behind drag and drop and the move buttons.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int itemId, RoadmapHorizon horizon, int? beforeItemId, int version)
    {
        var (ok, _) = await TrySendAsync(new MoveRoadmapItem(Slug, itemId, horizon, beforeItemId, version), "");
        if (!ok)
        {
            await LoadAsync();
            return Page();
        }

        return RedirectToPage(new { slug = Slug });
    }

    public async Task<IActionResult> OnPostPublishAsync(string? note)
    {
        var (ok, _) = await TrySendAsync(new PublishRoadmap(Slug, note), "");
        if (!ok)
        {
            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = "Roadmap published. Stakeholders now see this version.";
        return RedirectToPage(new { slug = Slug });
    }

    private async Task LoadAsync()
    {
        Board = await Sender.Send(new GetRoadmapBoard(Slug, Sort), HttpContext.RequestAborted);
        CanEdit = access.Current!.Can(Permission.EditStrategy);
    }
}
