using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain;
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
        SendAndRedirectAsync(new MoveRoadmapItem(Slug, itemId, horizon, beforeItemId, version),
            place =>
            {
                // Said where the card went, and the page opens at it: a move to another horizon can land out of view.
                KeepPlace.Focus(TempData, $"roadmap-{itemId}");
                return ($"Moved to {place.Horizon.Display()}, {Ordinal(place.Position)} of {place.Count}.",
                    RedirectToPage(null, null, new { slug = Slug }, $"roadmap-{itemId}"));
            },
            LoadAsync, prefix: "");

    private static string Ordinal(int n) =>
        n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    public Task<IActionResult> OnPostPublishAsync(string? note) =>
        SendAndRedirectAsync(new PublishRoadmap(Slug, note),
            _ => ("Roadmap published. Stakeholders now see this version.", RedirectToPage(new { slug = Slug })), LoadAsync, prefix: "");

    private async Task LoadAsync()
    {
        Board = await Sender.Send(new GetRoadmapBoard(Slug, Sort), Aborted);
    }
}
