using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Features.ProductOwner.Feedback;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Feedback;

public sealed class IndexModel(TimeProvider clock) : ProductPageModel
{
    [BindProperty(SupportsGet = true)]
    public FeedbackStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public FeedbackSourceKind? Source { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public FeedbackInput Input { get; set; } = new();

    public FeedbackInbox? Inbox { get; private set; }

    public async Task OnGetAsync()
    {
        Input.ReceivedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await LoadAsync();
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new RecordFeedback(Slug, Input.SourceKind, Input.SourceName ?? "", Input.Account, Input.Text ?? "", Input.ReceivedOn, Input.Tags),
            id => ($"Feedback #{id} recorded.", RedirectToPage(new { slug = Slug })), LoadAsync);

    private async Task LoadAsync() =>
        Inbox = await Sender.Send(new GetFeedbackInbox(Slug, Status, Source, Text, Math.Max(1, PageNumber)), Aborted);

    public sealed class FeedbackInput
    {
        public FeedbackSourceKind SourceKind { get; set; }
        public string? SourceName { get; set; }
        public string? Account { get; set; }
        public string? Text { get; set; }
        public DateOnly? ReceivedOn { get; set; }
        public string? Tags { get; set; }
    }
}
