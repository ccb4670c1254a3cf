using ProductRoles.Web.Features.ProductOwner.Import;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Import;

/// <summary>Just the progress region, for the script that polls it (and later the live hub) to swap in.</summary>
public sealed class FragmentModel : ProductItemPageModel
{
    public ImportProgressView? Progress { get; private set; }

    public async Task OnGetAsync() => Progress = (await Sender.Send(new GetBacklogImport(Slug, Id, WithPreview: false), Aborted)).Progress;
}
