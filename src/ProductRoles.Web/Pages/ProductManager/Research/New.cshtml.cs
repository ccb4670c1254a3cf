using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductManager.Research;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Research;

public sealed class NewModel : ProductPageModel
{
    [BindProperty]
    public InsightInput Input { get; set; } = new();

    public async Task OnGetAsync() =>
        Input = new InsightInput { ObservedOn = await Sender.Send(new NewInsightForm(Slug), Aborted) };

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(Input.ToRecord(Slug),
            id => ("Insight saved.", RedirectToPage("/ProductManager/Research/Insight", new { slug = Slug, id })), onFailure: () => Task.CompletedTask);
}
