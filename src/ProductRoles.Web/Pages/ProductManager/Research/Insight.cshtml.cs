using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.ProductManager.Research;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Research;

public sealed class InsightModel : ProductItemPageModel
{
    [BindProperty]
    public InsightInput Input { get; set; } = new();

    public InsightDetail? Detail { get; private set; }
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = InsightInput.From(Detail!.Insight);
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(Input.ToEdit(Slug, Id), _ => ("Insight saved.", RedirectToPage(new { slug = Slug, id = Id })), LoadAsync);

    private async Task LoadAsync()
    {
        Detail = await Sender.Send(new GetInsight(Slug, Id), Aborted);
        if (Detail.CanSeeHistory)
        {
            History = await Sender.Send(GetEntityHistory.Of<Domain.Research.Insight>(Slug, Id),
                Aborted);
        }
    }
}
