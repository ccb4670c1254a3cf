using ProductRoles.Web.Features.Products;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages;

public sealed class IndexModel : AppPageModel
{
    public IReadOnlyList<MyProduct> Products { get; private set; } = [];

    public async Task OnGetAsync() => Products = await Sender.Send(new GetMyProducts(), HttpContext.RequestAborted);
}
