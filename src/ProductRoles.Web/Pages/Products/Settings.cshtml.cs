using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.Products;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Products;

public sealed class SettingsModel : ProductPageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var settings = await LoadAsync();
        Input = new SettingsInput { Name = settings.Name, Description = settings.Description, Stage = settings.Stage, Version = settings.Version };
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new EditProductSettings(Slug, Input.Name ?? "", Input.Description, Input.Stage, Input.Version),
            _ => ("Settings saved.", RedirectToPage(new { slug = Slug })), LoadAsync);

    private async Task<ProductSettings> LoadAsync()
    {
        var settings = await Sender.Send(new GetProductSettings(Slug), Aborted);
        History = await Sender.Send(GetEntityHistory.Of<Product>(Slug, settings.ProductId), Aborted);
        return settings;
    }

    public sealed class SettingsInput
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public LifecycleStage Stage { get; set; }
        public int Version { get; set; }
    }
}
