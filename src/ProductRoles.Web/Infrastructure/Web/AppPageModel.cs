using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>
/// Base for pages that send commands. <see cref="SendAndRedirectAsync{TResponse}"/> is the one way a page
/// posts: success sets the flash message and redirects (post/redirect/get); refused input lands in
/// ModelState beside the fields; a lost race keeps both versions for the conflict panel.
/// </summary>
public abstract class AppPageModel : PageModel
{
    private const string FlashKey = "Flash";
    private const string ConflictKey = "__conflict";
    private ISender? _sender;

    protected ISender Sender => _sender ??= HttpContext.RequestServices.GetRequiredService<ISender>();

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>Set when the last command lost a concurrency race; the page shows both versions.</summary>
    public ConflictView? Conflict { get; private set; }

    /// <summary>
    /// Sends a command. On success, shows <c>onSuccess</c>'s flash message after its redirect. When the input
    /// was refused or someone else saved first, runs <paramref name="onFailure"/> (which loads what the page
    /// shows) and shows the page again with the user's input and the messages.
    /// </summary>
    /// <param name="prefix">Model binding prefix of the form's fields ("Input"); "" for a post of loose fields (no form to show again).</param>
    /// <param name="versionField">The field that carries the version the user started from.</param>
    protected async Task<IActionResult> SendAndRedirectAsync<TResponse>(
        ICommand<TResponse> command,
        Func<TResponse, (string? Flash, IActionResult Redirect)> onSuccess,
        Func<Task> onFailure,
        string prefix = "Input",
        string versionField = "Version")
    {
        if (await TrySendAsync(command, prefix, versionField) is (true, var response))
        {
            var (flash, redirect) = onSuccess(response!);
            if (flash is not null)
            {
                TempData[FlashKey] = flash;
            }

            return redirect;
        }

        await onFailure();
        return Page();
    }

    /// <summary>Shows the command's messages for <paramref name="commandField"/> beside the form's <paramref name="formField"/>.</summary>
    protected void ShowErrorsAt(string commandField, string formField)
    {
        if (ModelState.TryGetValue(commandField, out var entry) && commandField != formField)
        {
            foreach (var error in entry.Errors.ToList())
            {
                ModelState.AddModelError(formField, error.ErrorMessage);
            }

            ModelState.Remove(commandField);
        }
    }

    private async Task<(bool Ok, TResponse? Response)> TrySendAsync<TResponse>(ICommand<TResponse> command, string prefix, string versionField)
    {
        // Input that could not even be bound (e.g. "abc" for a number) is refused before the handler,
        // after the same access check the pipeline makes, so a refused caller still gets 403/404.
        if (!ModelState.IsValid)
        {
            var services = HttpContext.RequestServices;
            await RequestAccess.EnsureAllowedAsync(command, services.GetRequiredService<ICurrentUser>(),
                services.GetRequiredService<ProductAccessResolver>(), Aborted);
            return (false, default);
        }

        try
        {
            return (true, await Sender.Send(command, Aborted));
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
            var versionKey = string.IsNullOrEmpty(prefix) ? versionField : $"{prefix}.{versionField}";
            AdoptCurrentVersion(prefix, versionField, versionKey, ex.CurrentVersion);
            Conflict = new ConflictView(ex.Theirs, ex.Values, FormBelow: !string.IsNullOrEmpty(prefix),
                Request.Path + Request.QueryString, ApplyAgainFields(versionKey, ex.CurrentVersion));
            // Invalid, so forms show what was posted; the conflict panel, not the error list, says why.
            ModelState.AddModelError(ConflictKey, ex.Message);
            return (false, default);
        }
    }

    // The form shows again with the user's values on top of the current version, so saving it once more
    // applies them deliberately instead of failing again.
    private void AdoptCurrentVersion(string prefix, string versionField, string versionKey, int current)
    {
        ModelState.Remove(versionKey);
        if (string.IsNullOrEmpty(prefix))
        {
            return;
        }

        var input = GetType().GetProperty(prefix)?.GetValue(this);
        var version = input?.GetType().GetProperty(versionField);
        if (version?.PropertyType == typeof(int) && version.CanWrite)
        {
            version.SetValue(input, current);
        }
    }

    // What the user posted, with the current version in place of theirs: the "apply my values again" button.
    private List<KeyValuePair<string, string>> ApplyAgainFields(string versionKey, int current)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (!Request.HasFormContentType)
        {
            return fields;
        }

        foreach (var (key, values) in Request.Form)
        {
            if (key == "__RequestVerificationToken")
            {
                continue;
            }

            if (string.Equals(key, versionKey, StringComparison.OrdinalIgnoreCase))
            {
                fields.Add(new(key, current.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                continue;
            }

            fields.AddRange(values.Select(v => new KeyValuePair<string, string>(key, v ?? "")));
        }

        return fields;
    }
}
