using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>
/// Base for pages that send commands: copies validation failures into ModelState beside the
/// fields and keeps a conflicting save's two versions for the page to show.
/// </summary>
public abstract class AppPageModel : PageModel
{
    private ISender? _sender;

    protected ISender Sender => _sender ??= HttpContext.RequestServices.GetRequiredService<ISender>();

    /// <summary>Set when the last command lost a concurrency race; the page shows both versions.</summary>
    public ConcurrencyConflictException? Conflict { get; private set; }

    /// <summary>
    /// Sends a command. Returns false (and fills ModelState) when input was invalid or someone else
    /// saved first; the caller then shows the page again with the user's input intact.
    /// </summary>
    /// <param name="prefix">Model binding prefix of the form's fields, usually "Input".</param>
    protected async Task<(bool Ok, TResponse? Response)> TrySendAsync<TResponse>(
        ICommand<TResponse> command, string prefix = "Input")
    {
        // Input that could not even be bound (e.g. "abc" for a number) is refused before the handler,
        // after the same access check the pipeline makes, so a refused caller still gets 403/404.
        if (!ModelState.IsValid)
        {
            var services = HttpContext.RequestServices;
            await RequestAccess.EnsureAllowedAsync(command, services.GetRequiredService<ICurrentUser>(),
                services.GetRequiredService<ProductAccessResolver>(), HttpContext.RequestAborted);
            return (false, default);
        }

        try
        {
            return (true, await Sender.Send(command, HttpContext.RequestAborted));
        }
        catch (RequestValidationException ex)
        {
            foreach (var (property, messages) in ex.Errors)
            {
                var key = string.IsNullOrEmpty(prefix) || string.IsNullOrEmpty(property) ? property : $"{prefix}.{property}";
                foreach (var message in messages)
                {
                    ModelState.AddModelError(key, message);
                }
            }

            return (false, default);
        }
        catch (ConcurrencyConflictException ex)
        {
            Conflict = ex;
            ModelState.AddModelError(string.Empty, ex.Message);
            // The form keeps the user's values; saving again deliberately overwrites the newer version.
            ModelState.Remove($"{prefix}.Version");
            return (false, default);
        }
    }
}
