using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Administration;

public sealed class ProductsModel : AppPageModel
{
    public IReadOnlyList<ProductSummary> Products { get; private set; } = [];

    [BindProperty]
    public ProductInput Input { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new CreateProduct(Input.Name ?? "", Input.Slug ?? "", Input.Stage, Input.Description),
            slug => ($"{Input.Name} was created. Give people their roles in it.", RedirectToPage("/Products/Members", new { slug })),
            onFailure: LoadAsync);

    private async Task LoadAsync() => Products = await Sender.Send(new GetAllProducts(), Aborted);

    public sealed class ProductInput
    {
        public string? Name { get; set; }
        public string? Slug { get; set; }
        public LifecycleStage Stage { get; set; }
        public string? Description { get; set; }
    }
}
