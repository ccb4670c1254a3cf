using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Roadmap;

public sealed class IndexModel : ProductPageModel
{
    [BindProperty(SupportsGet = true)]
    public RoadmapSort Sort { get; set; }

    public RoadmapBoard? Board { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    /// <summary>The one move command behind drag and drop and the move buttons.</summary>
    public Task<IActionResult> OnPostMoveAsync(int itemId, RoadmapHorizon horizon, int? beforeItemId, int version) =>
        SendAndRedirectAsync(new MoveRoadmapItem(Slug, itemId, horizon, beforeItemId, version), _ => (null, RedirectToPage(new { slug = Slug })), LoadAsync, prefix: "");

    public Task<IActionResult> OnPostPublishAsync(string? note) =>
        SendAndRedirectAsync(new PublishRoadmap(Slug, note),
            _ => ("Roadmap published. Stakeholders now see this version.", RedirectToPage(new { slug = Slug })), LoadAsync, prefix: "");

    private async Task LoadAsync()
    {
        Board = await Sender.Send(new GetRoadmapBoard(Slug, Sort), Aborted);
    }
}
