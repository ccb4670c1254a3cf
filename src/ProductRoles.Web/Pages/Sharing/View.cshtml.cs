using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ProductRoles.Web.Features.Sharing;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Sharing;

/// <summary>
/// What a share link opens, for anyone who has it: read-only, not indexed, no way to another page. The link
/// is checked on every request, so revoking it or unpublishing what it shows ends access at once.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SharingServices.RateLimitPolicy)]
public sealed class ViewModel : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "secret")]
    public string Secret { get; set; } = string.Empty;

    public SharedView? View { get; private set; }

    public async Task OnGetAsync()
    {
        // Not for search engines, not kept by a shared machine or a proxy, and the secret never leaves in a Referer.
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
        View = await Sender.Send(new GetSharedView(Secret), Aborted);
        await Sender.Send(new RecordShareLinkView(View.LinkId), Aborted);
    }
}
