using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Backlog;

/// <summary>A field of a backlog row that can be changed in the table itself.</summary>
public enum BacklogInlineField
{
    Status,
    Estimate,
    Tags,
    RoadmapItem,
}

/// <summary>What the quick add form holds: shown again with its message when the item was refused.</summary>
public sealed record QuickAddInput(string? Title, BacklogItemType Type, NewItemPlace Place, int? After);

public sealed class IndexModel : ProductPageModel
{
    /// <summary>
    /// The quick add's last choice of place, per browser: a display preference that only this page
    /// reads, so a cookie (no schema change, no extra query on the list) rather than a stored setting.
    /// </summary>
    public const string PlaceCookie = "backlog-quick-add-place";

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

    public QuickAddInput QuickAdd { get; private set; } = new(null, BacklogItemType.Chore, NewItemPlace.Bottom, null);

    /// <summary>The row and field of a refused inline edit: the row shows the message beside that field.</summary>
    public (int ItemId, BacklogInlineField Field)? Inline { get; private set; }

    public async Task OnGetAsync()
    {
        QuickAdd = QuickAdd with { Place = RememberedPlace() };
        await LoadAsync();
    }

    /// <summary>
    /// One form around the table: each move button names the item and the move ("8:Top"). The older
    /// shape (itemId and move as two fields) is still understood, as the API's and drag-and-drop's.
    /// </summary>
    public Task<IActionResult> OnPostMoveAsync(string? move, int? itemId, int? position, string? reason)
    {
        var (id, how) = ParseMove(move, itemId);
        if (id is null || how is null)
        {
            ModelState.AddModelError("move", "Choose which item to move, and how.");
        }

        var moved = id ?? 0;
        return SendAndRedirectAsync(new MoveBacklogItem(Slug, moved, how ?? BacklogMove.Up, position, reason),
            result => (result.From == result.To ? $"#{moved} stays at position {result.To}." : $"#{moved} moved from position {result.From} to {result.To}.",
                AtItem(moved, result.To)),
            ShowListAgainAsync, prefix: "");
    }

    public Task<IActionResult> OnPostBulkAsync(IReadOnlyList<int> ids, string? addTag, BacklogItemStatus? bulkStatus, int? bulkRoadmapItemId, bool clearRoadmapItem) =>
        SendAndRedirectAsync(new BulkEditBacklogItems(Slug, ids, addTag, bulkStatus, bulkRoadmapItemId, clearRoadmapItem),
            count => ($"{count} item{(count == 1 ? "" : "s")} changed.",
                RedirectToPage(new { slug = Slug, Status, Type, Tag, roadmap = RoadmapItemId, q = Text, p = PageNumber })),
            ShowListAgainAsync, prefix: "");

    /// <summary>Quick add: a title and Enter. The same create command and rules as the full form; the place is remembered.</summary>
    public async Task<IActionResult> OnPostQuickAddAsync(string? title, BacklogItemType type, NewItemPlace place, int? after)
    {
        QuickAdd = new QuickAddInput(title, type, place, after);
        var fields = new BacklogItemFields(type, title ?? "", null, null, null, null, null, BacklogItemStatus.New, null, null, null);
        var created = 0;
        var result = await SendAndRedirectAsync(new CreateBacklogItem(Slug, fields, place, place == NewItemPlace.After ? after : null),
            id =>
            {
                created = id;
                return ($"#{id} added.", RedirectToPage(new { slug = Slug }));
            },
            () =>
            {
                ShowErrorsAt(nameof(BacklogItemFields.Title), "QuickAdd.Title");
                ShowErrorsAt(nameof(BacklogItemFields.Type), "QuickAdd.Type");
                ShowErrorsAt(nameof(BacklogItemFields.AsA), "QuickAdd.Type");
                ShowErrorsAt(nameof(BacklogItemFields.IWant), "QuickAdd.Type");
                ShowErrorsAt(nameof(CreateBacklogItem.Place), "QuickAdd.Place");
                ShowErrorsAt(nameof(CreateBacklogItem.AfterItemId), "QuickAdd.Place");
                return LoadAsync();
            }, prefix: "");
        if (created == 0)
        {
            return result;
        }

        Response.Cookies.Append(PlaceCookie, place.ToString(), new CookieOptions
        {
            HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
        });
        var at = await Sender.Send(new GetBacklogPosition(Slug, created), Aborted);
        TempData["Flash"] = $"#{created} “{title?.Trim()}” added at position {at}.";
        return AtItem(created, at, filtered: false);
    }

    /// <summary>
    /// One field changed in the table: the item's saved fields with that one replaced, sent as the full
    /// form's edit command with the version the row showed, so a stale row gets the conflict, never a lost update.
    /// </summary>
    public async Task<IActionResult> OnPostInlineAsync(int itemId, int version, BacklogInlineField field, string? value)
    {
        Inline = (itemId, field);
        var key = InlineKey(field);
        // The value is read first: one that is not even a value of the field changes nothing and loads nothing.
        var text = value?.Trim() ?? "";
        Action<BacklogItemInput>? apply = field switch
        {
            BacklogInlineField.Status when Enum.TryParse<BacklogItemStatus>(text, out var status) && Enum.IsDefined(status) => i => i.Status = status,
            BacklogInlineField.Estimate when text.Length == 0 => i => i.Estimate = null,
            BacklogInlineField.Estimate when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var estimate) => i => i.Estimate = estimate,
            BacklogInlineField.Tags => i => i.Tags = text,
            BacklogInlineField.RoadmapItem when text.Length == 0 => i => i.RoadmapItemId = null,
            BacklogInlineField.RoadmapItem when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var roadmapItemId) => i => i.RoadmapItemId = roadmapItemId,
            _ => null,
        };
        if (apply is null)
        {
            ModelState.AddModelError(key, field switch
            {
                BacklogInlineField.Status => "Choose a status.",
                BacklogInlineField.Estimate => "Estimate in story points: 0, 1, 2, 3, 5, 8, 13 or 21.",
                _ => "Choose a roadmap item.",
            });
        }

        var input = ModelState.IsValid ? BacklogItemInput.From(await Sender.Send(new GetBacklogItemForEdit(Slug, itemId), Aborted)) : new BacklogItemInput();
        apply?.Invoke(input);

        return await SendAndRedirectAsync(new EditBacklogItem(Slug, itemId, input.ToFields(), version),
            _ => ($"#{itemId} saved.", AtItem(itemId, position: null)),
            () =>
            {
                foreach (var commandField in new[] { "Status", "Estimate", "Tags", "RoadmapItemId", "Title", "AsA", "IWant" })
                {
                    ShowErrorsAt(commandField, key);
                }

                return LoadAsync();
            }, prefix: "");
    }

    public static string InlineKey(BacklogInlineField field) => "Inline." + field;

    /// <summary>The list page that holds the item, at its row, with focus on it (the no-JS way back to one's place).</summary>
    private RedirectToPageResult AtItem(int itemId, int? position, bool filtered = true)
    {
        KeepPlace.Focus(TempData, $"item-{itemId}");
        var page = position is { } at ? (at - 1) / GetBacklogHandler.PageSize + 1 : PageNumber;
        return filtered && !Filter.IsEmpty
            ? RedirectToPage(null, null, new { slug = Slug, Status, Type, Tag, roadmap = RoadmapItemId, q = Text, p = PageNumber }, $"item-{itemId}")
            : RedirectToPage(null, null, new { slug = Slug, p = page > 1 ? page : (int?)null }, $"item-{itemId}");
    }

    private static (int? Id, BacklogMove? Move) ParseMove(string? move, int? itemId)
    {
        var parts = (move ?? "").Split(':', 2);
        return parts.Length == 2
            ? (int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null, ParseHow(parts[1]))
            : (itemId, ParseHow(parts[0]));

        static BacklogMove? ParseHow(string how) => Enum.TryParse<BacklogMove>(how, ignoreCase: true, out var m) && Enum.IsDefined(m) ? m : null;
    }

    private NewItemPlace RememberedPlace() =>
        Enum.TryParse<NewItemPlace>(Request.Cookies[PlaceCookie], out var place) && Enum.IsDefined(place) ? place : NewItemPlace.Bottom;

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
