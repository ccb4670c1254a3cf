using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.Scrum.SprintReview;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Scrum.SprintReview;

public sealed class IndexModel : ProductItemPageModel
{
    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    [BindProperty]
    public string? FeedbackText { get; set; }

    public SprintReviewView? Data { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new ReviewInput { GoalMet = Data!.GoalMet, Notes = Data.Notes, Version = Data.Version };
    }

    public Task<IActionResult> OnPostRecordAsync() =>
        SendAndRedirectAsync(new RecordSprintReview(Slug, Id, Input.GoalMet, Input.Notes, Input.Version),
            _ => ("Sprint review saved.", RedirectToPage(new { slug = Slug, id = Id })), LoadAsync);

    public Task<IActionResult> OnPostFeedbackAsync() =>
        SendAndRedirectAsync(new GiveSprintReviewFeedback(Slug, Id, FeedbackText ?? ""),
            _ => ("Thank you: your feedback went to the product owner.", RedirectToPage(new { slug = Slug, id = Id })),
            onFailure: () =>
            {
                ShowErrorsAt(nameof(GiveSprintReviewFeedback.Text), nameof(FeedbackText));
                return OnGetAsync();
            },
            prefix: "");

    public Task<IActionResult> OnPostWatchAsync(bool watch) =>
        SendAndRedirectAsync(new ProductRoles.Web.Features.Notifications.WatchSprintReview(Slug, Id, watch),
            _ => (watch ? "You watch this sprint review now: you are told when it changes." : "You no longer watch this sprint review.",
                RedirectToPage(new { slug = Slug, id = Id })),
            LoadAsync, prefix: "");

    /// <summary>Whether the reader watches this review (its Watch / Unwatch button).</summary>
    public bool Watching { get; private set; }

    private async Task LoadAsync()
    {
        Data = await Sender.Send(new GetSprintReview(Slug, Id), Aborted);
        Watching = await Sender.Send(new ProductRoles.Web.Features.Notifications.IsWatching(Slug, ProductRoles.Web.Domain.Notifications.WatchSubject.SprintReview, Id), Aborted);
    }

    public sealed class ReviewInput
    {
        public bool? GoalMet { get; set; }
        public string? Notes { get; set; }
        public int Version { get; set; }
    }
}
