using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Api;

/// <summary>
/// Maps the mediator's refusals to HTTP problems for every API endpoint, exactly as pages map them:
/// 404 not a member, 403 no right, 400 with field errors, 409 with both versions.
/// </summary>
public sealed class ApiOutcomeFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (NotFoundException)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }
        catch (ForbiddenException)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role does not allow this");
        }
        catch (RequestValidationException ex)
        {
            return Results.ValidationProblem(ex.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
        }
        catch (ConcurrencyConflictException ex)
        {
            context.HttpContext.Response.Headers.ETag = ApiConventions.ETag(ex.CurrentVersion);
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: ex.Message,
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["currentVersion"] = ex.CurrentVersion, ["values"] = ex.Values });
        }
    }
}
