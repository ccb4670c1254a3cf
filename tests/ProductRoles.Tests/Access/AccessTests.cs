using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;

namespace ProductRoles.Tests.Access;

/// <summary>
/// Walks every page and handler of the app as every kind of caller and checks 200/403/404 against
/// the rows. New features are covered by adding an <see cref="IAccessRows"/> class, not a new harness.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AccessTests(AppFixture app)
{
    private static readonly Dictionary<Who, string> Emails = new()
    {
        [Who.Admin] = AppFixture.Admin,
        [Who.ProductManager] = AppFixture.Pm,
        [Who.ProductOwner] = AppFixture.Po,
        [Who.ScrumMaster] = AppFixture.Sm,
        [Who.Developer] = AppFixture.Dev,
        [Who.Stakeholder] = AppFixture.Stakeholder,
        [Who.Outsider] = AppFixture.Outsider,
    };

    public static IReadOnlyList<AccessRow> AllRows { get; } = typeof(AccessTests).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAccessRows).IsAssignableFrom(t))
        .SelectMany(t => ((IAccessRows)Activator.CreateInstance(t)!).Rows)
        .ToList();

    public static TheoryData<string, Who> Cases()
    {
        var data = new TheoryData<string, Who>();
        foreach (var row in AllRows)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(row.Name, who);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_gets_what_the_rules_say(string rowName, Who who)
    {
        var row = AllRows.Single(r => r.Name == rowName);
        var url = await row.UrlAsync(app);
        var client = await ClientAsync(who);
        var allowed = row.Allowed.Contains(who);

        if (row.Method == "GET")
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(Expected(row, who, HttpStatusCode.OK), response.StatusCode);
            if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                // Every page, as every caller sees it: no form that changes something lacks its antiforgery token.
                var page = await TestClient.ParseAsync(response);
                var unprotected = page.Forms.Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)
                    && f.QuerySelector("input[name=__RequestVerificationToken]") is null).Select(f => f.Action).Distinct().ToList();
                Assert.True(unprotected.Count == 0, $"{row.Name} as {who} has post forms without antiforgery token: {string.Join(", ", unprotected)}");
            }

            return;
        }

        var before = await FingerprintAsync();
        using var post = row.IsApi
            ? await SendJsonAsync(client, row.Method, url, row.Json)
            : await client.PostAsync(url, row.Form ?? new Dictionary<string, string>());
        if (allowed)
        {
            // Allowed callers reach the handler: a page answers 200 (errors shown) or redirects,
            // the API answers 2xx or 400 with the field errors.
            Assert.True(post.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.NoContent
                    || (row.IsApi && post.StatusCode == HttpStatusCode.BadRequest),
                $"{row.Name} as {who} answered {(int)post.StatusCode}, expected it to reach the handler.");
        }
        else
        {
            Assert.Equal(Expected(row, who, HttpStatusCode.OK), post.StatusCode);
            Assert.Equal(before, await FingerprintAsync());
        }
    }

    [Fact]
    public void Every_page_handler_and_api_endpoint_of_the_app_has_a_row()
    {
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var missing = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var raw = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (raw.StartsWith("/api/", StringComparison.Ordinal) && raw != "/api/antiforgery")
            {
                foreach (var method in endpoint.Metadata.OfType<Microsoft.AspNetCore.Routing.HttpMethodMetadata>().SelectMany(m => m.HttpMethods))
                {
                    if (!AllRows.Any(r => r.Method == method && r.Template == raw))
                    {
                        missing.Add($"{method} {raw}");
                    }
                }

                continue;
            }

            var page = endpoint.Metadata.OfType<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>().FirstOrDefault();
            if (page is null || page.ViewEnginePath.StartsWith("/Account", StringComparison.Ordinal) || page.ViewEnginePath == "/Error")
            {
                continue;
            }

            var template = "/" + (endpoint.RoutePattern.RawText ?? "").TrimEnd('/');
            template = template == "/Index" ? "/" : template;
            var modelType = Type.GetType($"ProductRoles.Web.Pages{page.ViewEnginePath.Replace('/', '.')}Model, ProductRoles.Web");
            var handlers = modelType?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(m => m.Name.Replace("Async", "", StringComparison.Ordinal))
                .Where(n => n.StartsWith("OnGet", StringComparison.Ordinal) || n.StartsWith("OnPost", StringComparison.Ordinal))
                .Distinct() ?? [];
            foreach (var handler in handlers)
            {
                var method = handler.StartsWith("OnGet", StringComparison.Ordinal) ? "GET" : "POST";
                var name = handler[(method == "GET" ? 5 : 6)..];
                var covered = AllRows.Any(r => r.Method == method && r.Template == template
                    && (r.Handler ?? "") == name);
                if (!covered)
                {
                    missing.Add($"{method} {template}{(name.Length > 0 ? "?handler=" + name : "")}");
                }
            }
        }

        Assert.True(missing.Count == 0, "No access row for: " + string.Join(", ", missing.Distinct()));
    }

    private static async Task<HttpResponseMessage> SendJsonAsync(TestClient client, string method, string url, object? json)
    {
        using var tokenResponse = await client.GetAsync("/api/antiforgery");
        var token = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(tokenResponse.Content))
            .GetProperty("token").GetString()!;
        var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = System.Net.Http.Json.JsonContent.Create(json ?? new { }) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return await client.SendAsync(request);
    }

    private static HttpStatusCode Expected(AccessRow row, Who who, HttpStatusCode allowedStatus) =>
        row.Allowed.Contains(who) ? allowedStatus
        : row.IsProductScoped && who == Who.Outsider ? HttpStatusCode.NotFound
        : HttpStatusCode.Forbidden;

    private Task<TestClient> ClientAsync(Who who) => app.SharedClientAsync(Emails[who]);

    /// <summary>Every change writes history; users and products are counted too (admin actions).</summary>
    private Task<string> FingerprintAsync() => app.QueryAsync(async db =>
        $"{await db.Activities.CountAsync()}/{await db.Users.CountAsync()}/{await db.Products.CountAsync()}/{await db.ProductMembers.CountAsync()}");
}
