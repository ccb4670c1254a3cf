using ProductRoles.Web.Features.Products;
using ProductRoles.Web.Infrastructure.Security;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Products;

public sealed class HomeModel(ProductAccessResolver access) : ProductPageModel
{
    public ProductHome? Home { get; private set; }
    public bool CanSeeHistory { get; private set; }

    public async Task OnGetAsync()
    {
        Home = await Sender.Send(new GetProductHome(Slug), HttpContext.RequestAborted);
        CanSeeHistory = access.Current!.Can(Permission.ViewHistory);
    }
}
