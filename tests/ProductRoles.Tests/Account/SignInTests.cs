using System.Net;
using ProductRoles.Tests.Infrastructure;

namespace ProductRoles.Tests.Account;

[Collection(AppCollection.Name)]
public sealed class SignInTests(AppFixture app)
{
    [Fact]
    public async Task Signing_in_with_the_demo_password_shows_my_products()
    {
        using var client = await app.SignInAsync(AppFixture.Po);
        var page = await client.GetPageAsync("/");
        Assert.Equal("My products", page.Heading());
        Assert.Contains("Acme Checkout", page.Text(".cards"));
        Assert.Contains("Product owner", page.Text(".cards"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        using var client = app.CreateClient();
        var login = await client.GetPageAsync("/Account/Login");
        using var response = await client.SubmitAsync(login, "form", new Dictionary<string, string>
        {
            ["Input.Email"] = AppFixture.Dev,
            ["Input.Password"] = "not-the-password-at-all",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("email or password is not right", page.Text(".alert-error"));
    }

    [Fact]
    public async Task Empty_fields_get_messages_beside_them()
    {
        using var client = app.CreateClient();
        var login = await client.GetPageAsync("/Account/Login");
        using var response = await client.SubmitAsync(login, "form");
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Enter your email address.", page.FieldError("Input.Email"));
        Assert.Equal("Enter your password.", page.FieldError("Input.Password"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var client = app.CreateClient();
        var email = $"lockme-{Guid.NewGuid():N}@test.local";
        await app.AsUserAsync(AppFixture.Admin, s => s.Send(new ProductRoles.Web.Features.Administration.CreateUser(email, "Lock Me", AppFactory.DemoPassword, false)));

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var login = await client.GetPageAsync("/Account/Login");
            using var _ = await client.SubmitAsync(login, "form", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "wrong-password-" + attempt,
            });
        }

        var again = await client.GetPageAsync("/Account/Login");
        using var response = await client.SubmitAsync(again, "form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = AppFactory.DemoPassword,
        });
        // Refused with the same words as a wrong password, so the page tells nobody that the account exists.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal(ProductRoles.Web.Pages.Account.LoginModel.RefusedMessage, page.Text(".alert-error"));
    }

    [Fact]
    public async Task After_sign_out_a_copied_cookie_no_longer_works()
    {
        using var client = await app.SignInAsync(AppFixture.Sm);
        using var thief = new TestClient(app.Factory, CopyOf(client.Cookies));
        using (var before = await thief.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var home = await client.GetPageAsync("/");
        using (var signOut = await client.SubmitAsync(home, "form[action='/Account/Logout']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        using var after = await thief.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task An_outside_return_url_is_ignored(string returnUrl)
    {
        using var client = app.CreateClient();
        var login = await client.GetPageAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        using var response = await client.SubmitAsync(login, "form", new Dictionary<string, string>
        {
            ["Input.Email"] = AppFixture.Dev,
            ["Input.Password"] = AppFactory.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_local_return_url_is_followed()
    {
        using var client = app.CreateClient();
        var login = await client.GetPageAsync("/Account/Login?ReturnUrl=%2Fp%2Facme-checkout");
        using var response = await client.SubmitAsync(login, "form", new Dictionary<string, string>
        {
            ["Input.Email"] = AppFixture.Dev,
            ["Input.Password"] = AppFactory.DemoPassword,
        });
        Assert.Equal("/p/acme-checkout", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Pages_behind_login_send_anonymous_visitors_to_sign_in()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/p/acme-checkout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    private static CookieContainer CopyOf(CookieContainer source)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in source.GetAllCookies())
        {
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return copy;
    }
}
