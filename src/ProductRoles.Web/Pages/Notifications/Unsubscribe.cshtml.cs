using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Features.Notifications;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Notifications;

/// <summary>
/// A mail's unsubscribe link. GET shows what it stops, with one button; POST stops it, without sign-in; a
/// token this app did not make is refused with 400 (no token at all: the page explains, with 200). A
/// mail client's one-click POST (RFC 8058: <c>List-Unsubscribe=One-Click</c> to the same URL) carries no
/// antiforgery token and no cookie: the signed token is the proof, so antiforgery is not asked here.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public NotificationKind? Kind { get; private set; }

    public NotificationKind? Stopped { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Kind = await Sender.Send(new ReadUnsubscribeLink(Token), Aborted);
        return Kind is null && !string.IsNullOrEmpty(Token) ? BadRequestPage() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Kind = await Sender.Send(new ReadUnsubscribeLink(Token), Aborted);
        if (Kind is null)
        {
            // No token: the page says what to do instead. A token we did not make: refused.
            return string.IsNullOrEmpty(Token) ? Page() : BadRequestPage();
        }

        Stopped = await Sender.Send(new UnsubscribeFromMail(Token), Aborted);
        return Page();
    }

    private PageResult BadRequestPage()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
