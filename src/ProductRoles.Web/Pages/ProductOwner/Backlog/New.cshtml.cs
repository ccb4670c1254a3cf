using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Backlog;

public sealed class NewModel : ProductPageModel, IBacklogItemForm
{
    [BindProperty]
    public BacklogItemInput Input { get; set; } = new();

    public IReadOnlyList<RoadmapOption> RoadmapChoices { get; private set; } = [];

    public bool AllowDone => false;

    [BindProperty]
    public bool NewItemsOnTop { get; set; }

    public async Task OnGetAsync()
    {
        // From the quick add ("write it in the full form"): the title typed there, as a story.
        if (HttpMethods.IsGet(Request.Method) && Request.Query["title"].ToString() is { Length: > 0 } title)
        {
            Input.Title = title;
            Input.Type = Domain.Backlog.BacklogItemType.Story;
        }

        NewItemsOnTop = await Sender.Send(new GetBacklogSettings(Slug), Aborted);
        await LoadRoadmapChoicesAsync();
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new CreateBacklogItem(Slug, Input.ToFields()),
            id => ($"Backlog item #{id} created.", RedirectToPage("/ProductOwner/Backlog/Item", new { slug = Slug, id })), OnGetAsync);

    public Task<IActionResult> OnPostPlacementAsync() =>
        SendAndRedirectAsync(new SetBacklogSettings(Slug, NewItemsOnTop),
            _ => (NewItemsOnTop ? "New items now go to the top of the backlog." : "New items now go to the bottom of the backlog.",
                RedirectToPage(new { slug = Slug })),
            OnGetAsync, prefix: "");

    private async Task LoadRoadmapChoicesAsync() => RoadmapChoices = await Sender.Send(new GetRoadmapChoices(Slug), Aborted);
}
