using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Access;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.Security.HostileInput;

/// <summary>
/// Hostile bytes outside form fields: in the path, the query string and the headers, and sent to the
/// error pages themselves. Whatever arrives, the answer is never a 5xx.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileRequestTests(HostileWalkFixture walk)
{
    private const string Slug = HostileWalkFixture.Slug;

    private static readonly string[] HostileQueries =
    [
        "?handler=%00", "?handler=%ED%A0%80", "?p=%00&page=-1&sort=%3Cscript%3E", "?id=99999999999999999999&page=1e309",
        "?returnUrl=javascript:alert(1)", "?tag=%E2%80%AE%01%1B", "?status=NoSuchValue&horizon=99", "?" + new string('q', 8000) + "=1",
        "?a[0][1]=x&a.b.c=%FF%FE", "?from=0001-01-01&to=9999-12-31&date=2026-02-30",
    ];

    private static readonly (string Name, string Value)[] HostileHeaders =
    [
        ("Accept-Language", "\u00ff\u00fe;q=abc, zz-ZZZZZZZZ;q=2"),
        ("Accept", "text/<script>, */*;q=nan"),
        ("If-Modified-Since", "not a date"),
        ("If-None-Match", "\"\u00ff"),
        ("Cookie", "ProductRoles.Antiforgery=%00%ED%A0%80; .AspNetCore.Mvc.CookieTempDataProvider=not-base64!!"),
        ("X-Forwarded-For", "<script>, 999.999.999.999"),
        ("X-CSRF-TOKEN", "\u00ff%00"),
        ("Referer", "javascript:alert(1)"),
        ("User-Agent", new string('u', 8000)),
        ("Range", "bytes=9999999999999999999-"),
    ];

    [Fact]
    public async Task Hostile_query_strings_and_headers_on_every_page_never_answer_5xx()
    {
        var failures = new List<string>();
        var client = walk.Clients[nameof(Who.ProductManager)];
        foreach (var row in AccessTests.AllRows.Where(r => r.Method == "GET" && r.Resolve is null))
        {
            var url = row.Template.Replace("{slug}", Slug, StringComparison.Ordinal);
            foreach (var query in HostileQueries)
            {
                using var response = await client.GetAsync(url + query);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"GET {url}{query[..Math.Min(query.Length, 60)]} answered {(int)response.StatusCode}.");
                }
            }

            foreach (var (name, value) in HostileHeaders)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.TryAddWithoutValidation(name, value);
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"GET {url} with header {name} answered {(int)response.StatusCode}.");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    // A NUL in the path never reaches the app: the server refuses it (the test server throws, Kestrel answers 400).
    [InlineData("/p/%01%1B")]
    [InlineData("/p/%ED%A0%80/backlog")]
    [InlineData("/p/%3Cscript%3E/settings")]
    [InlineData("/p/" + Slug + "/backlog/99999999999999999999")]
    [InlineData("/p/" + Slug + "/backlog/-1")]
    [InlineData("/p/" + Slug + "/sprints/0/board/2147483647/done")]
    [InlineData("/p/" + Slug + "/goals/%E2%80%AE")]
    [InlineData("/p/" + Slug + "/roadmap/..%2F..%2Fadmin")]
    [InlineData("/api/products/%01/settings")]
    [InlineData("/api/products/" + Slug + "/history?page=-2147483648")]
    public async Task Hostile_route_values_answer_4xx(string url)
    {
        using var response = await walk.Clients[nameof(Who.ProductManager)].GetAsync(url);
        Assert.InRange((int)response.StatusCode, 200, 499);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_long_route_value_answers_404()
    {
        using var response = await walk.Clients[nameof(Who.ProductManager)].GetAsync("/p/" + new string('a', 5000));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_NUL_byte_in_the_sign_in_form_answers_400_with_the_error_page_not_500()
    {
        using var client = walk.App.CreateClient();
        var login = await client.GetPageAsync("/Account/Login");
        using var response = await client.SubmitAsync(login, "form",
            new Dictionary<string, string> { ["Input.Email"] = "pm\0@demo.local", ["Input.Password"] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("That request was not understood", page.Heading());
        Assert.StartsWith("Trace id:", page.Text(".trace"));
    }

    public static TheoryData<string, string, string?, string?> ErrorPageRequests() => new()
    {
        { "GET", "/Error", null, null },
        { "GET", "/Error/500", null, null },
        { "GET", "/Error/abc", null, null },
        { "GET", "/Error/99999999999999999999", null, null },
        { "GET", "/Error/-1", null, null },
        { "GET", "/Error/%01", null, null },
        { "GET", "/Error/%ED%A0%80?code=%00&handler=%00", null, null },
        { "POST", "/Error/400", "application/x-www-form-urlencoded", "code=%00&__RequestVerificationToken=%00" },
        { "POST", "/Error", "multipart/form-data", "--no-boundary" },
        { "POST", "/Error/500", "application/json", "{\"code\":" },
        { "PUT", "/Error/404", "application/x-www-form-urlencoded", "a=%ED%A0%80" },
        { "DELETE", "/Error/403", null, null },
    };

    [Theory]
    [MemberData(nameof(ErrorPageRequests))]
    public async Task The_error_page_asked_directly_with_anything_answers_404_and_never_fails(string method, string url, string? type, string? body)
    {
        using var client = walk.App.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }

        request.Headers.TryAddWithoutValidation("Cookie", ".AspNetCore.Mvc.CookieTempDataProvider=%00garbage; ProductRoles.Antiforgery=%FF");
        request.Headers.TryAddWithoutValidation("Accept-Language", "%00;q=x");
        using var response = await client.SendAsync(request);

        // Nothing failed, so there is nothing to explain: the error page on its own is "not found".
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not found", (await TestClient.ParseAsync(response)).Heading());
    }

    [Fact]
    public async Task A_non_boolean_checkbox_gets_a_message_beside_it_and_nothing_is_created()
    {
        var po = walk.Clients[nameof(Who.ProductOwner)];
        var page = await po.GetPageAsync($"/p/{Slug}/sprints/new");
        var sprints = await walk.App.QueryAsync(db => db.Sprints.CountAsync());

        using var response = await po.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Overlap maybe", ["Input.Goal"] = "g", ["Input.StartDate"] = "2031-01-01", ["Input.EndDate"] = "2031-01-14",
            ["Input.Capacity"] = "10", ["Input.AllowOverlap"] = "maybe",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await TestClient.ParseAsync(response);
        Assert.Contains("ticked or not", shown.FieldError("Input.AllowOverlap"));
        Assert.Equal(sprints, await walk.App.QueryAsync(db => db.Sprints.CountAsync()));
    }

    [Fact]
    public async Task The_administrator_box_posted_as_maybe_is_refused_with_a_message()
    {
        var admin = walk.Clients[nameof(Who.Admin)];
        var page = await admin.GetPageAsync("/admin/users");
        var users = await walk.App.QueryAsync(db => db.Users.CountAsync());

        using var response = await admin.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = "maybe-admin@test.local", ["Input.DisplayName"] = "Maybe Admin",
            ["Input.Password"] = "a-long-enough-password-2026", ["Input.IsAdministrator"] = "maybe",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await TestClient.ParseAsync(response);
        Assert.Contains("ticked or not", shown.FieldError("Input.IsAdministrator"));
        Assert.Equal(users, await walk.App.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_control_character_in_a_text_field_gets_a_message_beside_it_and_is_not_stored()
    {
        var pm = walk.Clients[nameof(Who.ProductManager)];
        var page = await pm.GetPageAsync($"/p/{Slug}/settings");
        var before = await walk.FingerprintAsync();

        using var response = await pm.SubmitAsync(page, "main form", new Dictionary<string, string> { ["Input.Name"] = "Hostile\u001b[2J walk" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RequestText.ControlCharacterMessage, (await TestClient.ParseAsync(response)).FieldError("Input.Name"));
        Assert.Equal(before, await walk.FingerprintAsync());
    }
}
