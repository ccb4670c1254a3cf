using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Products;

public sealed class HistoryModel : ProductPageModel
{
    public HistoryPage? History { get; private set; }

    public async Task OnGetAsync([FromQuery] long? before = null, [FromQuery] long? after = null) =>
        History = await Sender.Send(new GetProductHistory(Slug, before, after), Aborted);
}
