using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductOwner.Import;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Import;

/// <summary>Upload a backlog file (Jira, our own export, any CSV), and the product's recent imports.</summary>
[RequestSizeLimit(ImportUploadLimits.RequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUploadLimits.RequestBytes)]
public sealed class IndexModel : ProductPageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public BacklogImportsView? Imports { get; private set; }

    public async Task OnGetAsync() => Imports = await Sender.Send(new GetBacklogImports(Slug), Aborted);

    public async Task<IActionResult> OnPostAsync()
    {
        if (Upload is null)
        {
            await Sender.Send(new GetBacklogImports(Slug), Aborted); // the same access check as the upload itself
            ModelState.AddModelError("Upload", "Choose a CSV file to import.");
            await OnGetAsync();
            return Page();
        }

        await using var content = Upload.OpenReadStream();
        return await SendAndRedirectAsync(new UploadBacklogImport(Slug, Upload.FileName, content),
            id => (null, RedirectToPage("/ProductOwner/Import/Preview", new { slug = Slug, id })), OnGetAsync, prefix: "");
    }

    public override void OnPageHandlerExecuted(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutedContext context)
    {
        // The command names the field "File"; the form calls it "Upload".
        ShowErrorsAt("File", "Upload");
        base.OnPageHandlerExecuted(context);
    }
}

public static class ImportUploadLimits
{
    /// <summary>Room for the largest file the store takes plus the form around it; the store itself refuses a larger file with a message.</summary>
    public const long RequestBytes = 64L * 1024 * 1024;
}
