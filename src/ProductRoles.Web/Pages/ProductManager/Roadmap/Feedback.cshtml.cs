using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.RoadmapFeedback;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Roadmap;

public sealed class FeedbackModel : ProductPageModel
{
    [BindProperty(SupportsGet = true)]
    public RoadmapFeedbackStatus? Status { get; set; }

    public RoadmapFeedbackList? List { get; private set; }

    public async Task OnGetAsync() => List = await Sender.Send(new GetRoadmapFeedback(Slug, Status), Aborted);
}
