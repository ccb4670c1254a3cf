using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;

namespace ProductRoles.Tests.Api;

[Collection(AppCollection.Name)]
public sealed class ProductsApiTests(AppFixture app)
{
    private async Task<string> NewProductAsync() =>
        (await app.NewProduct("Api Test").InStage(LifecycleStage.Discovery)
            .WithMembers((AppFixture.Pm, ProductRole.ProductManager), (AppFixture.Dev, ProductRole.Developer)).BuildAsync()).Slug;

    private static async Task<HttpResponseMessage> PutSettingsAsync(TestClient client, string slug, object body, bool withToken = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/products/{slug}/settings") { Content = JsonContent.Create(body) };
        if (withToken)
        {
            using var tokenResponse = await client.GetAsync("/api/antiforgery");
            var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
            request.Headers.Add("X-CSRF-TOKEN", token);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task My_products_come_back_as_json_with_my_role()
    {
        var client = await app.SharedClientAsync(AppFixture.Po);
        using var response = await client.GetAsync("/api/products");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var products = await response.Content.ReadFromJsonAsync<JsonElement>();
        var acme = products.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == AppFixture.DemoSlug);
        Assert.Equal("ProductOwner", acme.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Anonymous_callers_get_401_not_a_login_page()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/products");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_PM_changes_the_stage_through_the_api()
    {
        var slug = await NewProductAsync();
        using var pm = await app.SignInAsync(AppFixture.Pm);
        using var response = await PutSettingsAsync(pm, slug, new { name = "Api Test", stage = "Launch", version = 0 });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var get = await pm.GetAsync($"/api/products/{slug}/settings");
        Assert.Equal("Launch", (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Bad_input_is_a_400_with_the_field_errors_and_changes_nothing()
    {
        var slug = await NewProductAsync();
        using var pm = await app.SignInAsync(AppFixture.Pm);
        var before = await app.ActivityCountAsync(slug);
        using var response = await PutSettingsAsync(pm, slug, new { name = "", stage = "Launch", version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Enter the product's name.", problem.GetProperty("errors").GetProperty("Name")[0].GetString());
        Assert.Equal(before, await app.ActivityCountAsync(slug));
    }

    [Fact]
    public async Task A_stale_version_is_a_409_with_both_versions()
    {
        var slug = await NewProductAsync();
        using var pm = await app.SignInAsync(AppFixture.Pm);
        using (var first = await PutSettingsAsync(pm, slug, new { name = "First", stage = "Discovery", version = 0 }))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        using var second = await PutSettingsAsync(pm, slug, new { name = "Second", stage = "Discovery", version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, problem.GetProperty("currentVersion").GetInt32());
        var name = problem.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("field").GetString() == "Name");
        Assert.Equal(("Second", "First"), (name.GetProperty("yours").GetString(), name.GetProperty("theirs").GetString()));
    }

    [Fact]
    public async Task A_write_without_the_antiforgery_header_is_refused()
    {
        var slug = await NewProductAsync();
        using var pm = await app.SignInAsync(AppFixture.Pm);
        using var response = await PutSettingsAsync(pm, slug, new { name = "Forged", stage = "Sunset", version = 0 }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => Task.FromResult(db.Products.Count(p => p.Slug == slug && p.Name == "Forged"))));
    }

    [Fact]
    public async Task A_developer_gets_403_and_a_non_member_404()
    {
        var slug = await NewProductAsync();
        using var dev = await app.SignInAsync(AppFixture.Dev);
        using (var forbidden = await PutSettingsAsync(dev, slug, new { name = "Dev", stage = "Sunset", version = 0 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using var outsider = await app.SignInAsync(AppFixture.Outsider);
        using var missing = await PutSettingsAsync(outsider, slug, new { name = "Out", stage = "Sunset", version = 0 });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var read = await outsider.GetAsync($"/api/products/{slug}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }
}
