using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace ProductRoles.Web.Api;

/// <summary>
/// The OpenAPI document of /api/v1 at /openapi/v1.json (schemas for every request, response and problem, the
/// bearer scheme), and the interactive reference at /api/docs.
/// </summary>
public static class ApiDocumentation
{
    public const string DocsPath = "/api/docs";
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) => services.AddOpenApi("v1", o =>
    {
        o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "ProductRoles API",
                Version = "v1",
                Description = "Every use case of the app, sent through the same pipeline as the pages: the same access rules, "
                    + "validation, history and concurrency. Authenticate with a personal access token (Settings → Access tokens) "
                    + "as `Authorization: Bearer <token>`. Errors are RFC 9457 problem details; stale writes answer 409 with the "
                    + "current version; versions travel as ETag / If-Match; lists are paged by cursor with a `Link: rel=\"next\"` header.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "prt_…",
                Description = "A personal access token from Settings → Access tokens.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
            return Task.CompletedTask;
        });
        o.AddSchemaTransformer((schema, context, _) =>
        {
            // The UTC converter hides DateTime's shape from the schema generator: say it again.
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (type.IsEnum && schema.Enum is { Count: > 0 })
            {
                // Enums travel as their names: say they are strings, so generators make string enums of them. The shared
                // enum schema lists names only; a nullable use says "or null" where it is used.
                schema.Type = JsonSchemaType.String;
                for (var i = schema.Enum.Count - 1; i >= 0; i--)
                {
                    if (schema.Enum[i] is null)
                    {
                        schema.Enum.RemoveAt(i);
                    }
                }
            }

            if (type == typeof(DateTime))
            {
                schema.Type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
                schema.Format = "date-time";
            }

            return Task.CompletedTask;
        });
    });

    public static void MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        // The reference starts with one inline module script: it carries a fresh nonce, and only this path's
        // policy names it. Its bundle is served from the app itself, its styles are injected at run time, and
        // it loads no fonts from elsewhere.
        app.UseWhen(http => http.Request.Path.StartsWithSegments(DocsPath, StringComparison.OrdinalIgnoreCase), docs => docs.Use((http, next) =>
        {
            http.Items[Infrastructure.Web.SecurityHeadersMiddleware.PolicyOverrideKey] = (Func<HttpContext, string>)DocsPolicy;
            return next(http);
        }));
        app.MapScalarApiReference(DocsPath, o => o
                .WithTitle("ProductRoles API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .WithNonce()
                .AddPreferredSecuritySchemes(BearerScheme))
            .AllowAnonymous();
    }

    private static string DocsPolicy(HttpContext http)
    {
        var nonce = http.Items[ScalarOptions.NonceHttpContextItemKey] as string;
        var scripts = nonce is null ? "'self'" : $"'self' 'nonce-{nonce}'";
        return $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}
