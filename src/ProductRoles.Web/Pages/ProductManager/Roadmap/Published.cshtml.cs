using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Roadmap;

public sealed class PublishedModel : ProductPageModel
{
    public PublishedRoadmapView? Roadmap { get; private set; }

    public async Task OnGetAsync() =>
        Roadmap = await Sender.Send(new GetPublishedRoadmap(Slug), Aborted);
}
