using Microsoft.AspNetCore.Antiforgery;

namespace ProductRoles.Web.Api;

/// <summary>
/// API calls ride on the login cookie, so every unsafe method must also carry the antiforgery token
/// in the X-CSRF-TOKEN header (fetch it from GET /api/antiforgery); otherwise 400 and nothing runs.
/// </summary>
public sealed class AntiforgeryApiFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token");
        }

        return await next(context);
    }
}
