using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>
/// Maps the mediator's refusals to HTTP for every Razor page: not a member → 404, no right → 403.
/// Validation and conflicts are handled by the page itself (see <see cref="AppPageModel"/>); one that
/// escapes still becomes a 4xx, never a 500.
/// </summary>
public sealed class RequestOutcomePageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled)
        {
            return;
        }

        int? status = executed.Exception switch
        {
            NotFoundException => StatusCodes.Status404NotFound,
            ForbiddenException => StatusCodes.Status403Forbidden,
            RequestValidationException => StatusCodes.Status400BadRequest,
            ConcurrencyConflictException => StatusCodes.Status409Conflict,
            _ => null,
        };
        if (status is { } code)
        {
            executed.Result = new StatusCodeResult(code);
            executed.ExceptionHandled = true;
        }
    }
}
