using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Security;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Backlog;

public sealed class ItemModel(ProductAccessResolver access) : ProductPageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public BacklogItemDetails? Item { get; private set; }

    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public bool CanEdit => access.Current?.Can(Permission.EditBacklogItems) == true;

    public bool CanOrder => access.Current?.Can(Permission.OrderBacklog) == true;

    public bool CanComment => access.Current?.Can(Permission.CommentOnBacklogItems) == true;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCommentAsync()
    {
        var (ok, _) = await TrySendAsync(new AddBacklogComment(Slug, Id, Comment ?? ""), "");
        if (!ok)
        {
            // The command calls it Text; the form calls it Comment.
            foreach (var error in ModelState[nameof(AddBacklogComment.Text)]?.Errors.ToList() ?? [])
            {
                ModelState.AddModelError(nameof(Comment), error.ErrorMessage);
            }

            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = "Comment added.";
        return RedirectToPage(null, null, new { slug = Slug, id = Id }, "comments");
    }

    public async Task<IActionResult> OnPostTickAsync(List<int> met, int version)
    {
        var (ok, _) = await TrySendAsync(new TickAcceptanceCriteria(Slug, Id, met, version), "");
        if (!ok)
        {
            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = "Acceptance criteria saved.";
        return RedirectToPage(new { slug = Slug, id = Id });
    }

    public async Task<IActionResult> OnPostMoveAsync(BacklogMove move, int? position, string? reason)
    {
        var (ok, result) = await TrySendAsync(new MoveBacklogItem(Slug, Id, move, position, reason), "Move");
        if (!ok)
        {
            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = result!.From == result.To ? $"Stays at position {result.To}." : $"Moved from position {result.From} to {result.To}.";
        return RedirectToPage(new { slug = Slug, id = Id });
    }

    private async Task LoadAsync()
    {
        Item = await Sender.Send(new GetBacklogItem(Slug, Id), HttpContext.RequestAborted);
        var history = await Sender.Send(new GetEntityHistory(Slug, nameof(BacklogItem), Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            HttpContext.RequestAborted);
        // Rank keys are no longer recorded (see NotAuditedAttribute), but rows written before that may still hold them.
        History = history.Where(h => h.Field != nameof(BacklogItem.Rank)).ToList();
    }
}
