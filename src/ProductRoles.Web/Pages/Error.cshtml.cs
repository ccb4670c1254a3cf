using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProductRoles.Web.Pages;

/// <summary>The one error page: a plain explanation and a trace id, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string TraceId { get; private set; } = string.Empty;
    public string Heading { get; private set; } = string.Empty;
    public string Explanation { get; private set; } = string.Empty;

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        Code = code ?? 500;
        TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Heading, Explanation) = Code switch
        {
            404 => ("Not found", "There is nothing here, or it belongs to a product you are not a member of."),
            403 => ("Not allowed", "Your role in this product does not allow this. Ask the product's administrator if you need it."),
            400 => ("That request was not understood", "Go back, check what you entered and try again."),
            409 => ("Changed by someone else", "Someone saved this while you were working on it. Reload and try again."),
            429 => ("Too many attempts", "Wait a minute and try again."),
            _ => ("Something went wrong", "The error was logged. Quote the trace id below if you report it."),
        };
        Response.StatusCode = Code;
    }
}
