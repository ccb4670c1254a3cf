using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductManager.Research;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Research;

public sealed class CompetitorsModel : ProductPageModel
{
    [BindProperty]
    public CompetitorInput Input { get; set; } = new();

    public CompetitorList? List { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostAddAsync()
    {
        ModelState.Remove("Input.CompetitorId");
        return SendAndRedirectAsync(new AddCompetitor(Slug, Input.Name ?? "", Input.Strengths, Input.Weaknesses, Input.Positioning),
            _ => ($"{Input.Name?.Trim()} saved.", RedirectToPage(new { slug = Slug })), LoadAsync);
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new EditCompetitor(Slug, Input.CompetitorId, Input.Name ?? "", Input.Strengths, Input.Weaknesses, Input.Positioning, Input.Version),
            _ => ($"{Input.Name?.Trim()} saved.", RedirectToPage(new { slug = Slug })), LoadAsync);

    /// <summary>One competitor's form (or the add form): the posted values if that form was just rejected.</summary>
    public CompetitorForm FormFor(CompetitorView? stored)
    {
        var id = stored?.Id ?? 0;
        if (Request.HasFormContentType && Input.CompetitorId == id && !ModelState.IsValid)
        {
            return new CompetitorForm(Input, true);
        }

        return new CompetitorForm(stored is null ? new CompetitorInput() : new CompetitorInput
        {
            CompetitorId = stored.Id, Name = stored.Name, Strengths = stored.Strengths, Weaknesses = stored.Weaknesses,
            Positioning = stored.Positioning, Version = stored.Version,
        }, false);
    }

    private async Task LoadAsync()
    {
        List = await Sender.Send(new GetCompetitors(Slug), Aborted);
    }
}

public sealed record CompetitorForm(CompetitorInput Input, bool ShowErrors);

public sealed class CompetitorInput
{
    public int CompetitorId { get; set; }
    public string? Name { get; set; }
    public string? Strengths { get; set; }
    public string? Weaknesses { get; set; }
    public string? Positioning { get; set; }
    public int Version { get; set; }
}
