using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.ProductOwner.Feedback;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Feedback;

public sealed class ItemModel : ProductItemPageModel
{
    [BindProperty]
    public TriageInput Triage { get; set; } = new();

    [BindProperty]
    public TurnInput Turn { get; set; } = new();

    public FeedbackDetails? Feedback { get; private set; }

    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        var f = Feedback!;
        Triage = new TriageInput { Status = f.Status, DuplicateOfId = f.DuplicateOfId, Tags = f.Tags.Replace(",", ", ", StringComparison.Ordinal), Version = f.Version };
        Turn = new TurnInput { AsA = f.Account is null ? "shopper" : "merchant" };
    }

    public Task<IActionResult> OnPostTriageAsync() =>
        SendAndRedirectAsync(new TriageFeedback(Slug, Id, Triage.Status, Triage.DuplicateOfId, Triage.Tags, Triage.Version),
            _ => ($"Feedback #{Id} is now {Triage.Status.Display()}.", RedirectToPage(new { slug = Slug, id = Id })), LoadAsync, prefix: "Triage");

    public Task<IActionResult> OnPostTurnAsync() =>
        SendAndRedirectAsync(new TurnFeedbackIntoBacklogItems(Slug, Id, Turn.Type, Turn.AsA, Turn.Wants, Turn.SoThat),
            ids => (ids.Count == 1 ? $"Backlog item #{ids[0]} created from this feedback." : $"{ids.Count} backlog items created from this feedback.",
                RedirectToPage(new { slug = Slug, id = Id })),
            onFailure: async () =>
            {
                await LoadAsync();
                Triage = new TriageInput { Status = Feedback!.Status, DuplicateOfId = Feedback.DuplicateOfId, Tags = Feedback.Tags, Version = Feedback.Version };
            },
            prefix: "Turn");

    private async Task LoadAsync()
    {
        Feedback = await Sender.Send(new GetFeedbackItem(Slug, Id), Aborted);
        History = await Sender.Send(GetEntityHistory.Of<FeedbackItem>(Slug, Id), Aborted);
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
