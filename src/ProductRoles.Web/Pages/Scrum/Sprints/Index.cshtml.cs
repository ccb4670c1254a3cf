using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Scrum.Sprints;

public sealed class IndexModel : ProductPageModel
{
    public SprintList? Data { get; private set; }

    public async Task OnGetAsync() => Data = await Sender.Send(new GetSprints(Slug), Aborted);
}
