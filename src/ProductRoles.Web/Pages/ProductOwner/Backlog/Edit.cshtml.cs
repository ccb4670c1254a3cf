using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Backlog;

public sealed class EditModel : ProductItemPageModel, IBacklogItemForm
{
    [BindProperty]
    public BacklogItemInput Input { get; set; } = new();

    public IReadOnlyList<RoadmapOption> RoadmapChoices { get; private set; } = [];

    public bool AllowDone => Input.Status == Domain.Backlog.BacklogItemStatus.Done;

    public async Task OnGetAsync()
    {
        var item = await Sender.Send(new GetBacklogItemForEdit(Slug, Id), Aborted);
        Input = BacklogItemInput.From(item);
        await LoadRoadmapChoicesAsync();
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new EditBacklogItem(Slug, Id, Input.ToFields(), Input.Version),
            _ => ($"#{Id} saved.", RedirectToPage("/ProductOwner/Backlog/Item", new { slug = Slug, id = Id })), LoadRoadmapChoicesAsync);

    private async Task LoadRoadmapChoicesAsync() => RoadmapChoices = await Sender.Send(new GetRoadmapChoices(Slug), Aborted);
}
