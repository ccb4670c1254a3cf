using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductManager.Vision;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Vision;

public sealed class IndexModel : ProductPageModel
{
    [BindProperty]
    public VisionInput Input { get; set; } = new();

    public VisionBoard? Board { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new VisionInput
        {
            Statement = Board!.Statement, TargetGroup = Board.TargetGroup, Needs = Board.Needs, ProductDetails = Board.ProductDetails,
            BusinessGoals = Board.BusinessGoals, Version = Board.Version,
        };
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new EditVision(Slug, Input.Statement ?? "", Input.TargetGroup, Input.Needs, Input.ProductDetails, Input.BusinessGoals, Input.Version),
            revision => ($"Vision saved as revision {revision}.", RedirectToPage(new { slug = Slug })), LoadAsync);

    private async Task LoadAsync()
    {
        Board = await Sender.Send(new GetVision(Slug), Aborted);
    }

    public sealed class VisionInput
    {
        public string? Statement { get; set; }
        public string? TargetGroup { get; set; }
        public string? Needs { get; set; }
        public string? ProductDetails { get; set; }
        public string? BusinessGoals { get; set; }
        public int Version { get; set; }
    }
}
