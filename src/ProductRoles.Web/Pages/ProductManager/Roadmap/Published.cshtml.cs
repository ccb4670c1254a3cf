using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.ProductManager.RoadmapFeedback;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Roadmap;

public sealed class PublishedModel : ProductPageModel
{
    public PublishedRoadmapView? Roadmap { get; private set; }

    [BindProperty]
    public int? AskItemId { get; set; }

    [BindProperty]
    public string? AskText { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostAskAsync() =>
        SendAndRedirectAsync(new AskAboutPublishedItem(Slug, AskItemId ?? 0, AskText ?? ""),
            _ => ("Sent: the product manager sees your question in the roadmap feedback, and the answer will show here.",
                Redirect($"/p/{Uri.EscapeDataString(Slug)}/roadmap/published#published-{AskItemId}")),
            onFailure: () =>
            {
                ShowErrorsAt(nameof(AskAboutPublishedItem.Text), nameof(AskText));
                return LoadAsync();
            },
            prefix: "");

    private async Task LoadAsync() => Roadmap = await Sender.Send(new GetPublishedRoadmap(Slug), Aborted);
}
