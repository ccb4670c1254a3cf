using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.AccessTokens;

namespace ProductRoles.Tests.Api;

/// <summary>Personal access tokens as a user meets them: made on the settings page, shown once, used by a script, revoked.</summary>
[Collection(AppCollection.Name)]
public sealed class AccessTokenTests(AppFixture app)
{
    private static string In30Days => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_token_made_on_the_settings_page_is_shown_once_works_as_bearer_and_stops_working_when_revoked()
    {
        using var po = await app.SignInAsync(AppFixture.Po);
        var page = await po.GetPageAsync("/settings/tokens");
        var expires = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var made = await po.SubmitAsync(page, "form.form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Support desk", ["Input.Scope"] = "ReadWrite", ["Input.ExpiresOn"] = expires,
        });
        var shown = await po.FollowAsync(made);
        var token = shown.QuerySelector("#created-token")?.GetAttribute("value");
        Assert.NotNull(token);
        Assert.StartsWith(PersonalAccessToken.Prefix, token, StringComparison.Ordinal);

        // Shown once: the next view of the page no longer has it, and the database holds only its hash.
        var again = await po.GetPageAsync("/settings/tokens");
        Assert.Null(again.QuerySelector("#created-token"));
        Assert.DoesNotContain(token, again.Source.Text, StringComparison.Ordinal);
        var stored = await app.QueryAsync(db => db.PersonalAccessTokens.SingleAsync(t => t.Name == "Support desk"));
        Assert.Equal(PersonalAccessToken.Hash(token), stored.SecretHash);
        Assert.Null(stored.LastUsedAt);

        using var script = app.TokenClient(token);
        using (var products = await script.GetAsync("/api/v1/products"))
        {
            Assert.Equal(HttpStatusCode.OK, products.StatusCode);
            Assert.Contains((await products.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray(), p => p.GetProperty("slug").GetString() == AppFixture.DemoSlug);
        }

        var used = await po.GetPageAsync("/settings/tokens");
        var row = used.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Support desk", StringComparison.Ordinal));
        Assert.DoesNotContain("never", row.QuerySelector(".last-used")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("First used token “Support desk”", used.QuerySelector("#token-history")!.ParentElement!.TextContent, StringComparison.Ordinal);

        using (var revoked = await po.SubmitAsync(used, $"#revoke-{stored.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        using var refused = await script.GetAsync("/api/v1/products");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Bearer", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        var history = await app.QueryAsync(db => db.AccountActivities.Where(a => a.AccessTokenId == stored.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["Created", "FirstUsed", "Revoked"], history);
    }

    [Fact]
    public async Task A_token_cannot_outlive_a_year_and_its_product_must_be_one_of_the_users()
    {
        using var po = await app.SignInAsync(AppFixture.Po);
        var page = await po.GetPageAsync("/settings/tokens");
        var tooLate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(400).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var response = await po.SubmitAsync(page, "form.form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Forever", ["Input.ExpiresOn"] = tooLate, ["Input.ProductSlug"] = AppFixture.OtherSlug,
        });
        var shown = await TestClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at most 365 days", shown.FieldError("Input.ExpiresOn"), StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.PersonalAccessTokens.AnyAsync(t => t.Name == "Forever")));

        using var notMine = await po.SubmitAsync(page, "form.form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Not mine", ["Input.ExpiresOn"] = In30Days, ["Input.ProductSlug"] = AppFixture.OtherSlug,
        });
        var refused = await TestClient.ParseAsync(notMine);
        Assert.Equal("Choose one of your products.", refused.FieldError("Input.ProductSlug"));
        Assert.False(await app.QueryAsync(db => db.PersonalAccessTokens.AnyAsync(t => t.Name == "Not mine")));
    }

    [Fact]
    public async Task A_read_only_token_reads_but_every_write_is_403_and_changes_nothing()
    {
        var product = await app.NewProduct("Read token").BuildAsync();
        using var script = app.TokenClient(await app.CreateAsync(AppFixture.Po, AccessTokenScope.Read));
        using (var read = await script.GetAsync($"/api/v1/products/{product.Slug}/backlog"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var before = await app.ActivityCountAsync(product.Slug);
        using var write = await script.PostAsJsonAsync($"/api/v1/products/{product.Slug}/feedback",
            new { sourceKind = "Support", sourceName = "Zendesk", text = "The receipt never arrives.", receivedOn = Today });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await app.ActivityCountAsync(product.Slug));
    }

    [Fact]
    public async Task A_token_restricted_to_one_product_finds_no_other()
    {
        var mine = await app.NewProduct("Token's product").BuildAsync();
        var other = await app.NewProduct("Another product").BuildAsync();
        using var script = app.TokenClient(await app.CreateAsync(AppFixture.Po, AccessTokenScope.ReadWrite, mine.Slug));

        using (var own = await script.GetAsync($"/api/v1/products/{mine.Slug}/backlog"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        using (var hidden = await script.GetAsync($"/api/v1/products/{other.Slug}/backlog"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using var list = await script.GetAsync("/api/v1/products");
        var slugs = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("slug").GetString()).ToList();
        Assert.Equal([mine.Slug], slugs);
    }

    [Fact]
    public async Task A_token_needs_no_antiforgery_header_but_the_cookie_still_does()
    {
        var product = await app.NewProduct("Antiforgery").BuildAsync();
        var body = new { sourceKind = "Support", sourceName = "Help desk", text = "Search ignores accents.", receivedOn = Today };
        using var po = await app.SignInAsync(AppFixture.Po);
        using (var cookie = await po.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/products/{product.Slug}/feedback") { Content = JsonContent.Create(body) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, cookie.StatusCode);
            Assert.Equal("Missing or invalid antiforgery token", (await cookie.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }

        using var script = app.TokenClient(await app.CreateAsync(AppFixture.Po));
        using var bearer = await script.PostAsJsonAsync($"/api/v1/products/{product.Slug}/feedback", body);
        Assert.Equal(HttpStatusCode.Created, bearer.StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.FeedbackItems.CountAsync(f => f.ProductId == product.Id)));
    }

    [Fact]
    public async Task A_garbled_or_unknown_token_is_401()
    {
        foreach (var token in new[] { "prt_not-a-real-token", "ghp_somebody-elses", PersonalAccessToken.Prefix + new string('x', 500) })
        {
            using var client = app.TokenClient(token);
            using var response = await client.GetAsync("/api/v1/products");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
