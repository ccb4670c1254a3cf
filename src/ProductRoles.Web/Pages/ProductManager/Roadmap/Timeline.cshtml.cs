using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Roadmap;

public sealed class TimelineModel : ProductPageModel
{
    public IReadOnlyList<TimelineQuarter> Quarters { get; private set; } = [];

    public async Task OnGetAsync() =>
        Quarters = await Sender.Send(new GetRoadmapTimeline(Slug), Aborted);
}
