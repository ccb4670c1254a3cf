using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.AccessTokens;
using ProductRoles.Web.Features.Account.Tokens;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Settings;

/// <summary>The signed-in user's personal access tokens: make one (shown once), see when each was last used, revoke.</summary>
// Shows a new secret once (BREACH: see WireSetup).
[ProductRoles.Web.Infrastructure.Web.Wire.DoNotCompress]
public sealed class TokensModel : AppPageModel
{
    // The new token travels to the page after the redirect in TempData (a data-protected cookie, read once).
    private const string CreatedKey = "CreatedAccessToken";

    public MyAccessTokens Tokens { get; private set; } = new([], [], [], default, default);

    /// <summary>The token just made: shown on this one view of the page, never again.</summary>
    public string? CreatedToken { get; private set; }

    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        CreatedToken = TempData[CreatedKey] as string;
        await LoadAsync();
        Input.ExpiresOn = Tokens.DefaultExpiry;
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new CreateAccessToken(Input.Name ?? "", Input.Scope, Input.ProductSlug, Input.ExpiresOn),
            created =>
            {
                TempData[CreatedKey] = created.Token;
                return ($"Token “{Input.Name?.Trim()}” made. Copy it now: it is shown only this once.", RedirectToPage());
            },
            LoadAsync);

    public Task<IActionResult> OnPostRevokeAsync(int tokenId) =>
        SendAndRedirectAsync(new RevokeAccessToken(tokenId), _ => ("Token revoked: it no longer works.", RedirectToPage()), LoadAsync, prefix: "");

    private async Task LoadAsync() => Tokens = await Sender.Send(new GetMyAccessTokens(), Aborted);

    public sealed class TokenInput
    {
        public string? Name { get; set; }
        public AccessTokenScope Scope { get; set; } = AccessTokenScope.Read;
        public string? ProductSlug { get; set; }
        public DateOnly? ExpiresOn { get; set; }
    }
}
