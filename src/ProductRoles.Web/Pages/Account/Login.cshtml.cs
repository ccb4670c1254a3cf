using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ProductRoles.Web.Features.Account;
using ProductRoles.Web.Infrastructure.Security;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Account;

[EnableRateLimiting(IdentityServices.LoginRateLimitPolicy)]
public sealed class LoginModel : AppPageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, outcome) = await TrySendAsync(new SignIn(Input.Email ?? "", Input.Password ?? ""));
        if (!ok)
        {
            return Page();
        }

        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                // Only ever return to a page of this app: an absolute or protocol-relative URL goes home.
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.LockedOut:
                ModelState.AddModelError(string.Empty, "This account is locked after 5 failed sign-ins. Try again in 15 minutes.");
                break;
            default:
                ModelState.AddModelError(string.Empty, "The email or password is not right.");
                break;
        }

        return Page();
    }

    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }
}
