using System.Net;
using System.Text.RegularExpressions;
using ProductRoles.Tests.Infrastructure;

namespace ProductRoles.Tests.Security;

/// <summary>
/// The app as it runs in Production, reached over HTTPS: HSTS is sent, and every cookie it sets (login,
/// antiforgery, the flash message's TempData) carries the Secure flag, so none of them ever travels
/// over plain HTTP.
/// </summary>
public sealed partial class ProductionHeadersTests : IDisposable
{
    private readonly AppFactory _factory = new() { EnvironmentName = "Production" };

    [Fact]
    public async Task Over_https_in_production_hsts_is_sent_and_every_cookie_is_secure()
    {
        using var http = _factory.CreateDefaultClient(new Uri("https://productroles.example"), new CookieHandler());

        using var loginPage = await http.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, loginPage.StatusCode);
        Assert.Contains("max-age=31536000", Assert.Single(loginPage.Headers.GetValues("Strict-Transport-Security")));
        var antiforgery = Assert.Single(SetCookies(loginPage), c => c.StartsWith("ProductRoles.Antiforgery=", StringComparison.Ordinal));
        Assert.Matches(SecureFlag(), antiforgery);

        var token = TokenOf(await loginPage.Content.ReadAsStringAsync());
        using var signedIn = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = AppFixture.Pm,
            ["Input.Password"] = AppFactory.DemoPassword,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("max-age=31536000", Assert.Single(signedIn.Headers.GetValues("Strict-Transport-Security")));
        var login = Assert.Single(SetCookies(signedIn), c => c.StartsWith("ProductRoles.Auth=", StringComparison.Ordinal));
        Assert.Matches(SecureFlag(), login);
        Assert.Contains("httponly", login, StringComparison.OrdinalIgnoreCase);

        // A change that leaves a flash message for the next page sets the TempData cookie.
        var settings = await http.GetAsync($"/p/{AppFixture.DemoSlug}/settings");
        var settingsHtml = await settings.Content.ReadAsStringAsync();
        using var saved = await http.PostAsync($"/p/{AppFixture.DemoSlug}/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Acme Checkout",
            ["Input.Description"] = InputValue(settingsHtml, "Input.Description"),
            ["Input.Stage"] = "Growth",
            ["Input.Version"] = InputValue(settingsHtml, "Input.Version"),
            ["__RequestVerificationToken"] = TokenOf(settingsHtml),
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var flash = Assert.Single(SetCookies(saved), c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal));
        Assert.Matches(SecureFlag(), flash);
    }

    public void Dispose() => _factory.Dispose();

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static string TokenOf(string html) => InputValue(html, "__RequestVerificationToken");

    private static string InputValue(string html, string name)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var element = document.QuerySelector($"[name='{name}']")
            ?? throw new InvalidOperationException($"No field {name} on the page.");
        return element is AngleSharp.Html.Dom.IHtmlTextAreaElement area ? area.Value : element.GetAttribute("value") ?? "";
    }

    [GeneratedRegex(@";\s*secure(?:;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SecureFlag();

    /// <summary>Keeps cookies between requests without hiding the Set-Cookie headers from the test.</summary>
    private sealed class CookieHandler : DelegatingHandler
    {
        private readonly CookieContainer _cookies = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = _cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            foreach (var cookie in SetCookies(response))
            {
                _cookies.SetCookies(request.RequestUri!, cookie);
            }

            return response;
        }
    }
}
