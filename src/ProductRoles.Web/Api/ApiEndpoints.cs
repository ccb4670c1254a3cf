using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Api;

public static class ApiEndpoints
{
    public const string Version1 = "/api/v1";

    /// <summary>
    /// The public API under /api/v1: the login cookie (writes with the antiforgery header) or a personal
    /// access token (no antiforgery: a browser never sends it by itself), rate-limited per token, and the
    /// same requests, access rules, validation, history and concurrency as the pages. The first API's
    /// paths under /api (cookie only) stay for existing clients and are left out of the document.
    /// </summary>
    public static void MapApi(this WebApplication app)
    {
        var legacy = app.MapGroup("/api")
            .RequireAuthorization()
            .AddEndpointFilter<ApiOutcomeFilter>()
            .AddEndpointFilter<AntiforgeryApiFilter>()
            .ExcludeFromDescription();
        legacy.MapAntiforgeryApi();
        legacy.MapProductsApi();

        var v1 = app.MapGroup(Version1)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = AccessTokenAuthenticationHandler.CookieOrTokenScheme })
            .RequireRateLimiting(AccessTokenAuthentication.RateLimitPolicy)
            .AddEndpointFilter<ApiOutcomeFilter>()
            .AddEndpointFilter<AntiforgeryApiFilter>();
        v1.MapAntiforgeryApi().WithTags("Session")
            .Reads<AntiforgeryToken>("GetAntiforgeryToken", "An antiforgery token for cookie clients",
                "Cookie-authenticated writes send this token in the X-CSRF-TOKEN header. Token clients need none.");
        v1.MapProductsApi(documented: true);
        v1.MapBacklogApi();
        v1.MapFeedbackApi();
        v1.MapGoalsApi();
        v1.MapVisionApi();
        v1.MapDefinitionOfDoneApi();
        v1.MapRoadmapApi();
        v1.MapResearchApi();
        v1.MapSprintsApi();
        v1.MapSprintReviewsApi();

        app.MapApiDocumentation();
    }

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new UtcDateTimeConverter());
        });
        services.AddApiDocumentation();
        return services;
    }

    private static RouteHandlerBuilder MapAntiforgeryApi(this RouteGroupBuilder api) =>
        api.MapGet("/antiforgery", (Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery, HttpContext http) =>
            TypedResults.Ok(new AntiforgeryToken(antiforgery.GetAndStoreTokens(http).RequestToken ?? "", "X-CSRF-TOKEN")));
}

public sealed record AntiforgeryToken(string Token, string Header);
