using System.Text.Json.Serialization;

namespace ProductRoles.Web.Api;

public static class ApiEndpoints
{
    /// <summary>
    /// The JSON API under /api: signed-in users only (401, not a redirect), antiforgery on unsafe
    /// methods, and the same requests, access rules and validation as the pages.
    /// </summary>
    public static void MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api")
            .RequireAuthorization()
            .AddEndpointFilter<ApiOutcomeFilter>()
            .AddEndpointFilter<AntiforgeryApiFilter>();
        api.MapProductsApi();
    }

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }
}
