using ProductRoles.Web.Features.ProductManager.Home;
using ProductRoles.Web.Features.Products;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Products;

public sealed class HomeModel : ProductPageModel
{
    public ProductHome? Home { get; private set; }
    public CurrentSprintView? CurrentSprint { get; private set; }

    public async Task OnGetAsync()
    {
        Home = await Sender.Send(new GetProductHome(Slug), Aborted);
        // The sprint is the Scrum area's own query; the home only asks for it when its panel is shown.
        if (Home.Panels.Contains(HomePanelKind.CurrentSprint))
        {
            CurrentSprint = await Sender.Send(new GetCurrentSprint(Slug), Aborted);
        }
    }
}
