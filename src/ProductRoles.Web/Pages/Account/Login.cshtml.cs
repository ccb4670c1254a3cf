using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ProductRoles.Web.Features.Account;
using ProductRoles.Web.Infrastructure.Security;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Account;

[EnableRateLimiting(IdentityServices.LoginRateLimitPolicy)]
public sealed class LoginModel : AppPageModel
{
    public const string RefusedMessage =
        "The email or password is not right, or the account is locked for 15 minutes after 5 failed sign-ins.";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new SignIn(Input.Email ?? "", Input.Password ?? ""),
            outcome => (null, outcome == SignInOutcome.SignedIn
                // Only ever return to a page of this app: an absolute or protocol-relative URL goes home.
                ? LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/")
                : Refused()),
            onFailure: () => Task.CompletedTask);

    private IActionResult Refused()
    {
        // One answer for an unknown email, a wrong password and a locked account alike, so that the
        // page never tells anyone which accounts exist.
        ModelState.AddModelError(string.Empty, RefusedMessage);
        return Page();
    }

    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }
}
