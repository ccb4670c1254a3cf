using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Features.ProductManager.Research;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Research;

public sealed class IndexModel : ProductPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public InsightKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Opportunities { get; set; }

    public InsightList? List { get; private set; }

    public async Task OnGetAsync()
    {
        List = await Sender.Send(new GetInsights(Slug, Kind, Tag, Q, Opportunities), Aborted);
    }
}
