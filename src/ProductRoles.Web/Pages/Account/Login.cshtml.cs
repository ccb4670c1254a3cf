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

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new SignIn(Input.Email ?? "", Input.Password ?? ""),
            outcome => (null, outcome == SignInOutcome.SignedIn
                // Only ever return to a page of this app: an absolute or protocol-relative URL goes home.
                ? LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/")
                : Refused(outcome)),
            onFailure: () => Task.CompletedTask);

    private IActionResult Refused(SignInOutcome outcome)
    {
        ModelState.AddModelError(string.Empty, outcome == SignInOutcome.LockedOut
            ? "This account is locked after 5 failed sign-ins. Try again in 15 minutes."
            : "The email or password is not right.");
        return Page();
    }

    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }
}
