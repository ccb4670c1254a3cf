using Microsoft.AspNetCore.Antiforgery;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Api;

/// <summary>
/// Calls that ride on the login cookie must also carry the antiforgery token in the X-CSRF-TOKEN header on
/// every unsafe method (fetch it from GET /api/v1/antiforgery); otherwise 400 and nothing runs. Calls signed
/// in by a personal access token need none: a browser never attaches that header on its own.
/// </summary>
public sealed class AntiforgeryApiFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var byToken = http.User.Identity?.AuthenticationType == AccessTokenAuthenticationHandler.SchemeName;
        if (!byToken && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token");
        }

        return await next(context);
    }
}
