using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Roadmap;

public sealed class EditModel : ProductItemPageModel
{
    [BindProperty]
    public RoadmapItemInput Input { get; set; } = new();

    public RoadmapItemOptions? Options { get; private set; }
    public string Title { get; private set; } = string.Empty;

    public async Task OnGetAsync()
    {
        var item = await LoadAsync();
        Input = RoadmapItemInput.From(item);
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(Input.ToCommand(Slug, Id),
            _ => ("Roadmap item saved.", RedirectToPage("/ProductManager/Roadmap/Item", new { slug = Slug, id = Id })), LoadAsync);

    private async Task<RoadmapItemDetail> LoadAsync()
    {
        Options = await Sender.Send(new GetRoadmapItemOptions(Slug), Aborted);
        var item = await Sender.Send(new GetRoadmapItem(Slug, Id), Aborted);
        Title = item.Title;
        return item;
    }
}
