using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Backlog;

public sealed class ItemModel : ProductItemPageModel
{
    [BindProperty]
    public string? Comment { get; set; }

    public BacklogItemDetails? Item { get; private set; }

    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostCommentAsync() =>
        SendAndRedirectAsync(new AddBacklogComment(Slug, Id, Comment ?? ""),
            _ => ("Comment added.", RedirectToPage(null, null, new { slug = Slug, id = Id }, "comments")),
            onFailure: () =>
            {
                ShowErrorsAt(nameof(AddBacklogComment.Text), nameof(Comment));
                return LoadAsync();
            },
            prefix: "");

    public Task<IActionResult> OnPostTickAsync(IReadOnlyList<int> met, int version) =>
        SendAndRedirectAsync(new TickAcceptanceCriteria(Slug, Id, met, version),
            _ => ("Acceptance criteria saved.", RedirectToPage(new { slug = Slug, id = Id })), LoadAsync, prefix: "");

    public Task<IActionResult> OnPostMoveAsync(BacklogMove move, int? position, string? reason) =>
        SendAndRedirectAsync(new MoveBacklogItem(Slug, Id, move, position, reason),
            moved => (moved.From == moved.To ? $"Stays at position {moved.To}." : $"Moved from position {moved.From} to {moved.To}.",
                RedirectToPage(new { slug = Slug, id = Id })),
            LoadAsync, prefix: "Move");

    public Task<IActionResult> OnPostWatchAsync(bool watch) =>
        SendAndRedirectAsync(new ProductRoles.Web.Features.Notifications.WatchBacklogItem(Slug, Id, watch),
            _ => (watch ? "You watch this item now: you are told when it changes." : "You no longer watch this item.", RedirectToPage(new { slug = Slug, id = Id })),
            LoadAsync, prefix: "");

    /// <summary>Whether the reader watches this item (its Watch / Unwatch button).</summary>
    public bool Watching { get; private set; }

    private async Task LoadAsync()
    {
        Item = await Sender.Send(new GetBacklogItem(Slug, Id), Aborted);
        Watching = await Sender.Send(new ProductRoles.Web.Features.Notifications.IsWatching(Slug, ProductRoles.Web.Domain.Notifications.WatchSubject.BacklogItem, Id), Aborted);
        var history = await Sender.Send(GetEntityHistory.Of<BacklogItem>(Slug, Id), Aborted);
        // Rank keys are no longer recorded (see NotAuditedAttribute), but rows written before that may still hold them.
        History = history.Where(h => h.Field != nameof(BacklogItem.Rank)).ToList();
    }
}
