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

    private async Task LoadAsync() => Data = await Sender.Send(new GetSprintReview(Slug, Id), Aborted);

    public sealed class ReviewInput
    {
        public bool? GoalMet { get; set; }
        public string? Notes { get; set; }
        public int Version { get; set; }
    }
}
