using ProductRoles.Web.Features.ProductManager.Home;
using ProductRoles.Web.Features.Products;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Features.Stakeholders;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Products;

public sealed class HomeModel : ProductPageModel
{
    public ProductHome? Home { get; private set; }
    public CurrentSprintView? CurrentSprint { get; private set; }
    public SinceLastVisit? SinceLastVisit { get; private set; }

    public async Task OnGetAsync()
    {
        Home = await Sender.Send(new GetProductHome(Slug), Aborted);
        // The sprint is the Scrum area's own query; the home only asks for it when its panel is shown.
        if (Home.Panels.Contains(HomePanelKind.CurrentSprint))
        {
            CurrentSprint = await Sender.Send(new GetCurrentSprint(Slug), Aborted);
        }

        // A stakeholder's home leads with what was published since their last visit. The visit is written
        // down only every few minutes, not on every load.
        if (Home.Role == Domain.ProductRole.Stakeholder)
        {
            SinceLastVisit = await Sender.Send(new GetSinceLastVisit(Slug), Aborted);
            if (SinceLastVisit.NeedsWrite)
            {
                await Sender.Send(new RecordProductVisit(Slug), Aborted);
            }
        }
    }
}
