using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.Scrum.SprintReview;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Scrum.SprintReview;

public sealed class IndexModel : ProductPageModel
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public int Id { get; set; }

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

    public async Task<IActionResult> OnPostRecordAsync()
    {
        var (ok, _) = await TrySendAsync(new RecordSprintReview(Slug, Id, Input.GoalMet, Input.Notes, Input.Version));
        if (!ok)
        {
            await LoadAsync();
            if (Conflict is not null)
            {
                Input.Version = Conflict.CurrentVersion;
            }

            return Page();
        }

        TempData["Flash"] = "Sprint review saved.";
        return RedirectToPage(new { slug = Slug, id = Id });
    }

    public async Task<IActionResult> OnPostFeedbackAsync()
    {
        var (ok, _) = await TrySendAsync(new GiveSprintReviewFeedback(Slug, Id, FeedbackText ?? ""), prefix: "");
        if (!ok)
        {
            // The validator names the field "Text"; show it beside this form's field.
            if (ModelState.TryGetValue("Text", out var entry))
            {
                foreach (var error in entry.Errors)
                {
                    ModelState.AddModelError(nameof(FeedbackText), error.ErrorMessage);
                }

                ModelState.Remove("Text");
            }

            await OnGetAsync();
            return Page();
        }

        TempData["Flash"] = "Thank you: your feedback went to the product owner.";
        return RedirectToPage(new { slug = Slug, id = Id });
    }

    private async Task LoadAsync() => Data = await Sender.Send(new GetSprintReview(Slug, Id), HttpContext.RequestAborted);

    public sealed class ReviewInput
    {
        public bool? GoalMet { get; set; }
        public string? Notes { get; set; }
        public int Version { get; set; }
    }
}
