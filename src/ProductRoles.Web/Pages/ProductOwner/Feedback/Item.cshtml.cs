using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.ProductOwner.Feedback;
using ProductRoles.Web.Infrastructure.Security;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Feedback;

public sealed class ItemModel(ProductAccessResolver access) : ProductPageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public TriageInput Triage { get; set; } = new();

    [BindProperty]
    public TurnInput Turn { get; set; } = new();

    public FeedbackDetails? Feedback { get; private set; }

    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public bool CanTriage => access.Current?.Can(Permission.TriageCustomerFeedback) == true;

    public bool CanCreate => access.Current?.Can(Permission.CreateBacklogItems) == true;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        var f = Feedback!;
        Triage = new TriageInput { Status = f.Status, DuplicateOfId = f.DuplicateOfId, Tags = f.Tags.Replace(",", ", ", StringComparison.Ordinal), Version = f.Version };
        Turn = new TurnInput { AsA = f.Account is null ? "shopper" : "merchant" };
    }

    public async Task<IActionResult> OnPostTriageAsync()
    {
        var (ok, _) = await TrySendAsync(new TriageFeedback(Slug, Id, Triage.Status, Triage.DuplicateOfId, Triage.Tags, Triage.Version), "Triage");
        if (!ok)
        {
            if (Conflict is not null)
            {
                Triage.Version = Conflict.CurrentVersion;
            }

            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = $"Feedback #{Id} is now {Triage.Status}.";
        return RedirectToPage(new { slug = Slug, id = Id });
    }

    public async Task<IActionResult> OnPostTurnAsync()
    {
        var (ok, ids) = await TrySendAsync(new TurnFeedbackIntoBacklogItems(Slug, Id, Turn.Type, Turn.AsA, Turn.Wants, Turn.SoThat), "Turn");
        if (!ok)
        {
            await LoadAsync();
            Triage = new TriageInput { Status = Feedback!.Status, DuplicateOfId = Feedback.DuplicateOfId, Tags = Feedback.Tags, Version = Feedback.Version };
            return Page();
        }

        TempData["Flash"] = ids!.Count == 1 ? $"Backlog item #{ids[0]} created from this feedback." : $"{ids.Count} backlog items created from this feedback.";
        return RedirectToPage(new { slug = Slug, id = Id });
    }

    private async Task LoadAsync()
    {
        Feedback = await Sender.Send(new GetFeedbackItem(Slug, Id), HttpContext.RequestAborted);
        History = await Sender.Send(new GetEntityHistory(Slug, nameof(FeedbackItem), Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            HttpContext.RequestAborted);
    }

    public sealed class TriageInput
    {
        public FeedbackStatus Status { get; set; }
        public int? DuplicateOfId { get; set; }
        public string? Tags { get; set; }
        public int Version { get; set; }
    }

    public sealed class TurnInput
    {
        public BacklogItemType Type { get; set; }
        public string? AsA { get; set; }
        public string? Wants { get; set; }
        public string? SoThat { get; set; }
    }
}
