using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProductRoles.Web.Pages;

/// <summary>
/// The one error page: a plain explanation and a trace id, never a stack trace. It runs when the
/// request it explains was already refused, often for hostile input, so it must not fail itself: it
/// binds nothing from the request (no route value, query, form or cookie is read), needs no
/// antiforgery token, and renders without the layout (no product, session or TempData lookup).
/// The status it answers with is the one the app already chose; asked for directly it is just 404.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string TraceId { get; private set; } = string.Empty;
    public string Heading { get; private set; } = string.Empty;
    public string Explanation { get; private set; } = string.Empty;

    // Runs for every method of the failed request (GET, POST, PUT, DELETE...), with or without a handler.
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Code = reExecuted && Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status404NotFound;
        TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Heading, Explanation) = Code switch
        {
            404 => ("Not found", "There is nothing here, or it belongs to a product you are not a member of."),
            403 => ("Not allowed", "Your role in this product does not allow this. Ask the product's administrator if you need it."),
            400 => ("That request was not understood", "Go back, check what you entered and try again. Some characters (such as a NUL byte) cannot be sent in a form."),
            409 => ("Changed by someone else", "Someone saved this while you were working on it. Reload and try again."),
            429 => ("Too many attempts", "Wait a minute and try again."),
            >= 400 and < 500 => ("That request was refused", "Go back, check what you entered and try again."),
            _ => ("Something went wrong", "The error was logged. Quote the trace id below if you report it."),
        };
        Response.StatusCode = Code;
    }
}
