using ProductRoles.Web.Features.Scrum.SprintReview;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Scrum.SprintReview;

public sealed class ListModel : ProductPageModel
{
    public IReadOnlyList<SprintReviewSummary> Reviews { get; private set; } = [];

    public async Task OnGetAsync() => Reviews = await Sender.Send(new GetSprintReviews(Slug), Aborted);
}
