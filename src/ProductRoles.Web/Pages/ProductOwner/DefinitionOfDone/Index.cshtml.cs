using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductOwner.DefinitionOfDone;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.DefinitionOfDone;

public sealed class IndexModel : ProductPageModel
{
    [BindProperty]
    public DoDInput Input { get; set; } = new();

    public DefinitionOfDoneView? Definition { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new DoDInput
        {
            Criteria = string.Join("\n", Definition!.Current?.Criteria ?? []),
            BasedOnNumber = Definition.Current?.Number ?? 0,
        };
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new EditDefinitionOfDone(Slug, Input.Criteria, Input.BasedOnNumber),
            number => ($"Definition of Done version {number} saved.", RedirectToPage(new { slug = Slug })),
            LoadAsync, versionField: nameof(DoDInput.BasedOnNumber));

    private async Task LoadAsync() => Definition = await Sender.Send(new GetDefinitionOfDone(Slug), Aborted);

    public sealed class DoDInput
    {
        public string? Criteria { get; set; }
        public int BasedOnNumber { get; set; }
    }
}
