using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.Account;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Account;

/// <summary>Signing out is a POST (with antiforgery) so that a link elsewhere cannot sign a user out.</summary>
public sealed class LogoutModel : AppPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await Sender.Send(new SignOut(), Aborted);
        return RedirectToPage();
    }
}
