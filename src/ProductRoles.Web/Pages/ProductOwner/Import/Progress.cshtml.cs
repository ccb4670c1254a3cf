using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductOwner.Import;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Import;

/// <summary>
/// A running or finished import: the progress bar (a script polls the fragment every second; without
/// script the page refreshes itself), the outcome, and undo.
/// </summary>
public sealed class ProgressModel : ProductItemPageModel
{
    public ImportProgressView? Progress { get; private set; }

    public async Task OnGetAsync() => Progress = (await Sender.Send(new GetBacklogImport(Slug, Id, WithPreview: false), Aborted)).Progress;

    public Task<IActionResult> OnPostUndoAsync() =>
        SendAndRedirectAsync(new UndoBacklogImport(Slug, Id),
            _ => ("The import was undone.", RedirectToPage(new { slug = Slug, id = Id })), OnGetAsync, prefix: "");
}
