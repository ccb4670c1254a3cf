using ProductRoles.Web.Features.Products;
using ProductRoles.Web.Features.Scrum.SprintReview;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages;

public sealed class IndexModel : AppPageModel
{
    public IReadOnlyList<MyProduct> Products { get; private set; } = [];

    /// <summary>Sprint reviews of the caller's products: what stakeholders come here for.</summary>
    public IReadOnlyList<SprintReviewSummary> SprintReviews { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Products = await Sender.Send(new GetMyProducts(), Aborted);
        SprintReviews = await Sender.Send(new GetMySprintReviews(), Aborted);
    }
}
