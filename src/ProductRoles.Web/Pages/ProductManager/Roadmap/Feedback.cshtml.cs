using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.ProductManager.RoadmapFeedback;
using ProductRoles.Web.Infrastructure.Security;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Roadmap;

public sealed class FeedbackModel(ProductAccessResolver access) : ProductPageModel
{
    [BindProperty(SupportsGet = true)]
    public RoadmapFeedbackStatus? Status { get; set; }

    public IReadOnlyList<FeedbackView> Items { get; private set; } = [];
    public bool CanResolve { get; private set; }

    public async Task OnGetAsync()
    {
        Items = await Sender.Send(new GetRoadmapFeedback(Slug, Status), HttpContext.RequestAborted);
        CanResolve = access.Current!.Can(Permission.ResolveRoadmapFeedback);
    }
}
