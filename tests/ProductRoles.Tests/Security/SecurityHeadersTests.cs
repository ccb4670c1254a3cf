using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;

namespace ProductRoles.Tests.Security;

[Collection(AppCollection.Name)]
public sealed class SecurityHeadersTests(AppFixture app)
{
    [Fact]
    public async Task Every_page_sends_the_security_headers_and_no_server_header()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/Account/Login");
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Pages_behind_login_are_never_stored()
    {
        var product = await app.NewProduct("Not cached").BuildAsync();
        using var client = await app.SignInAsync(AppFixture.Pm);
        using var response = await client.GetAsync(product.Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Pages_contain_no_inline_script_or_style()
    {
        var product = await app.NewProduct("No inline script").BuildAsync();
        using var client = await app.SignInAsync(AppFixture.Admin);
        foreach (var url in new[] { "/", product.Url, $"{product.Url}/members", $"{product.Url}/settings", "/admin/products", "/admin/users" })
        {
            var page = await client.GetPageAsync(url);
            // The import map is the one inline script element: JSON, not code, allowed by its hash (WireSizeTests).
            Assert.All(page.Scripts.Where(s => s.Type != "importmap"), s => Assert.False(string.IsNullOrEmpty(s.Source), $"{url} has an inline script."));
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.Empty(page.QuerySelectorAll("style"));
        }
    }

    [Fact]
    public async Task Every_form_carries_an_antiforgery_token()
    {
        var product = await app.NewProduct("Antiforgery forms").BuildAsync();
        using var client = await app.SignInAsync(AppFixture.Admin);
        foreach (var url in new[] { "/", $"{product.Url}/members", $"{product.Url}/settings", "/admin/products", "/admin/users" })
        {
            var page = await client.GetPageAsync(url);
            foreach (var form in page.Forms.Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)))
            {
                Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
            }
        }
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused_and_changes_nothing()
    {
        var product = await app.NewProduct("Antiforgery").BuildAsync();
        using var client = await app.SignInAsync(AppFixture.Pm);
        var before = await app.ActivityCountAsync(product.Slug);
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{product.Url}/settings")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "Hijacked", ["Input.Version"] = "0" }),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await app.ActivityCountAsync(product.Slug));
        Assert.Equal("Antiforgery", await app.QueryAsync(db => db.Products.Where(p => p.Id == product.Id).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task Hsts_is_sent_for_a_year_outside_development()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://productroles.example/Account/Login");
        using var response = await client.SendAsync(request);
        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.Contains("max-age=31536000", hsts);
    }

    [Fact]
    public async Task Unknown_pages_show_the_error_page_with_a_trace_id()
    {
        using var client = await app.SignInAsync(AppFixture.Dev);
        using var response = await client.GetAsync("/p/no-such-product");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Not found", page.Heading());
        Assert.StartsWith("Trace id:", page.Text(".trace"));
    }

    [Fact]
    public async Task Health_reports_the_database_healthy()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
