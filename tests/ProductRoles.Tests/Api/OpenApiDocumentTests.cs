using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ProductRoles.Tests.Infrastructure;

namespace ProductRoles.Tests.Api;

/// <summary>The OpenAPI document at /openapi/v1.json and the reference at /api/docs.</summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiDocumentTests(AppFixture app)
{
    private async Task<(OpenApiDocument Document, OpenApiDiagnostic Diagnostic)> LoadAsync()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var result = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings());
        return (result.Document!, result.Diagnostic!);
    }

    [Fact]
    public async Task The_document_validates_and_offers_the_bearer_scheme()
    {
        var (document, diagnostic) = await LoadAsync();
        Assert.Empty(diagnostic.Errors.Select(e => e.ToString()));
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet())?.Select(e => e.ToString()) ?? []);
        var bearer = document.Components!.SecuritySchemes![ProductRoles.Web.Api.ApiDocumentation.BearerScheme];
        Assert.Equal(SecuritySchemeType.Http, bearer.Type);
        Assert.Equal("bearer", bearer.Scheme);
        Assert.NotEmpty(document.Security!);
        Assert.All(document.Paths.Keys, path => Assert.StartsWith("/api/v1/", path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_endpoint_has_its_summary_description_and_documented_responses()
    {
        var (document, _) = await LoadAsync();
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods)
                .Select(method => (Method: method, Path: OpenApiPath(e.RoutePattern.RawText!))))
            .ToList();
        Assert.NotEmpty(endpoints);

        var failures = new List<string>();
        foreach (var (method, path) in endpoints)
        {
            var operation = document.Paths.TryGetValue(path, out var item) ? item.Operations?.GetValueOrDefault(HttpMethod.Parse(method)) : null;
            if (operation is null)
            {
                failures.Add($"{method} {path}: not in the document.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(operation.OperationId))
            {
                failures.Add($"{method} {path}: no operation id (generated clients name their methods after it).");
            }

            if (string.IsNullOrWhiteSpace(operation.Summary) || string.IsNullOrWhiteSpace(operation.Description))
            {
                failures.Add($"{method} {path}: no summary or description.");
            }

            var responses = operation.Responses ?? new OpenApiResponses();
            var success = responses.Keys.Where(k => k.StartsWith('2')).ToList();
            if (success.Count == 0)
            {
                failures.Add($"{method} {path}: no success response documented.");
            }

            foreach (var refusal in new[] { "400", "401", "403", "404", "429" }.Concat(method == "GET" ? [] : ["409"]))
            {
                if (!responses.TryGetValue(refusal, out var response) || response.Content?.Values.Any(c => c.Schema is not null) != true)
                {
                    failures.Add($"{method} {path}: {refusal} is not documented with its problem schema.");
                }
            }

            foreach (var code in success.Where(c => c != "204"))
            {
                if (responses[code].Content?.Values.Any(c => c.Schema is not null) != true)
                {
                    failures.Add($"{method} {path}: {code} has no schema.");
                }
            }

            if (method != "GET" && operation.RequestBody?.Content?.Values.Any(c => c.Schema is not null) != true)
            {
                failures.Add($"{method} {path}: the request body has no schema.");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Enums_are_strings_and_times_are_date_time_in_the_schemas()
    {
        var (document, _) = await LoadAsync();
        var schemas = document.Components!.Schemas!;
        var status = schemas["BacklogItemStatus"];
        Assert.Contains("InProgress", status.Enum!.Select(e => e?.ToString().Trim('"')));
        var comment = schemas["CommentView"].Properties!["createdAt"];
        Assert.Equal("date-time", comment.Format);
    }

    [Fact]
    public async Task The_reference_at_api_docs_is_served_and_only_that_page_relaxes_the_content_security_policy()
    {
        using var client = app.CreateClient();
        using var redirect = await client.GetAsync("/api/docs");
        using var docs = await client.GetAsync(new Uri(new Uri("http://localhost/api/docs"), redirect.Headers.Location!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        var html = await docs.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        var relaxed = docs.Headers.GetValues("Content-Security-Policy").Single();
        // The inline start-up script runs by its nonce, not by 'unsafe-inline' for scripts.
        var nonce = System.Text.RegularExpressions.Regex.Match(relaxed, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe", relaxed, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", relaxed, StringComparison.Ordinal);

        using var login = await client.GetAsync("/Account/Login");
        var strict = login.Headers.GetValues("Content-Security-Policy").Single();
        // 'self' and the import map's hash (Infrastructure/Web/Wire/ImportMap.cs), nothing else.
        Assert.Matches("script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')?;", strict);
        Assert.DoesNotContain("unsafe", strict, StringComparison.Ordinal);
    }

    private static string OpenApiPath(string raw) =>
        System.Text.RegularExpressions.Regex.Replace(raw, @"\{([^}:?]+)(:[^}]*)?\??\}", "{$1}");
}
