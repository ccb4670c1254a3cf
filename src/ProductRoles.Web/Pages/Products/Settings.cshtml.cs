using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.Products;
using ProductRoles.Web.Infrastructure.Security;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Products;

public sealed class SettingsModel(ProductAccessResolver access) : ProductPageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var settings = await Sender.Send(new GetProductSettings(Slug), HttpContext.RequestAborted);
        Input = new SettingsInput { Name = settings.Name, Description = settings.Description, Stage = settings.Stage, Version = settings.Version };
        await LoadHistoryAsync();
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new EditProductSettings(Slug, Input.Name ?? "", Input.Description, Input.Stage, Input.Version),
            _ => ("Settings saved.", RedirectToPage(new { slug = Slug })), LoadHistoryAsync);

    private async Task LoadHistoryAsync() =>
        History = await Sender.Send(new GetEntityHistory(Slug, nameof(Product), access.Current!.ProductId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            HttpContext.RequestAborted);

    public sealed class SettingsInput
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public LifecycleStage Stage { get; set; }
        public int Version { get; set; }
    }
}
