using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Roadmap;

public sealed class NewModel : ProductPageModel
{
    [BindProperty]
    public RoadmapItemInput Input { get; set; } = new();

    public RoadmapItemOptions? Options { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(Input.ToCommand(Slug, 0),
            id => ($"“{Input.Title?.Trim()}” added to {Input.Horizon.Display()}.", RedirectToPage("/ProductManager/Roadmap/Item", new { slug = Slug, id })), LoadAsync);

    private async Task LoadAsync() => Options = await Sender.Send(new GetRoadmapItemOptions(Slug), Aborted);
}
