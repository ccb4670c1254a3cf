using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Backlog;

public sealed class IndexModel : ProductPageModel
{
    [BindProperty(SupportsGet = true)]
    public BacklogItemStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public BacklogItemType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true, Name = "roadmap")]
    public int? RoadmapItemId { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public BacklogPage? Backlog { get; private set; }

    public BacklogFilter Filter => new(Status, Type, Tag, RoadmapItemId, Text);

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostMoveAsync(int itemId, BacklogMove move, int? position, string? reason) =>
        SendAndRedirectAsync(new MoveBacklogItem(Slug, itemId, move, position, reason),
            moved => (moved.From == moved.To ? $"#{itemId} stays at position {moved.To}." : $"#{itemId} moved from position {moved.From} to {moved.To}.",
                RedirectToPage(new { slug = Slug, p = (moved.To - 1) / GetBacklogHandler.PageSize + 1 })),
            ShowListAgainAsync, prefix: "");

    public Task<IActionResult> OnPostBulkAsync(IReadOnlyList<int> ids, string? addTag, BacklogItemStatus? bulkStatus, int? bulkRoadmapItemId, bool clearRoadmapItem) =>
        SendAndRedirectAsync(new BulkEditBacklogItems(Slug, ids, addTag, bulkStatus, bulkRoadmapItemId, clearRoadmapItem),
            count => ($"{count} item{(count == 1 ? "" : "s")} changed.",
                RedirectToPage(new { slug = Slug, Status, Type, Tag, roadmap = RoadmapItemId, q = Text, p = PageNumber })),
            ShowListAgainAsync, prefix: "");

    private async Task LoadAsync() =>
        Backlog = await Sender.Send(new GetBacklog(Slug, Filter, Math.Max(1, PageNumber)), Aborted);

    /// <summary>The list's forms have no single field to stand beside, so their messages go above the list.</summary>
    private Task ShowListAgainAsync()
    {
        var messages = ModelState.Where(e => e.Key.Length > 0).SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage)).ToList();
        foreach (var message in messages)
        {
            ModelState.AddModelError(string.Empty, message);
        }

        return LoadAsync();
    }
}
