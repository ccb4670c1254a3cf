using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>
/// Which validation messages a page placed beside its fields. The layout lists every other error of
/// the request above the page, so no refusal is ever silent: an error for a field the page has no
/// message element for (a hidden id, a handler argument, a renamed property) is still shown.
/// </summary>
public static class ShownErrors
{
    private static readonly object Key = new();

    public static void Record(HttpContext http, string field)
    {
        if (http.Items[Key] is not HashSet<string> shown)
        {
            http.Items[Key] = shown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        shown.Add(field);
    }

    /// <summary>Errors no message element on the page shows, in the order they were added.</summary>
    public static IReadOnlyList<string> Unplaced(ViewContext view)
    {
        var shown = view.HttpContext.Items[Key] as HashSet<string>;
        return view.ViewData.ModelState
            .Where(entry => entry.Value is { ValidationState: ModelValidationState.Invalid } && shown?.Contains(entry.Key) != true)
            .SelectMany(entry => entry.Value!.Errors.Select(e => Describe(entry.Key, e.ErrorMessage)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The message, said of which field when it does not say so itself ("remainingHours" → "Remaining hours").</summary>
    private static string Describe(string key, string message)
    {
        message = string.IsNullOrEmpty(message) ? "This value was not accepted." : message;
        var name = key[(key.LastIndexOf('.') + 1)..];
        if (name.Length == 0 || message.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            return message;
        }

        var words = string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
        return $"{char.ToUpperInvariant(words[0])}{words[1..]}: {message}";
    }
}

/// <summary>
/// Notes each field whose message a validation element on the page actually shows (asp-validation-for,
/// or a hand-written data-valmsg-for span): an empty span (e.g. on another item's form) shows nothing.
/// </summary>
[HtmlTargetElement(Attributes = "asp-validation-for")]
[HtmlTargetElement(Attributes = "data-valmsg-for")]
public sealed class ShownErrorTagHelper : TagHelper
{
    [Microsoft.AspNetCore.Mvc.ViewFeatures.ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    // After ValidationMessageTagHelper, which writes data-valmsg-for from asp-validation-for.
    public override int Order => 1000;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes["data-valmsg-for"]?.Value is not { } value)
        {
            return;
        }

        var content = output.IsContentModified ? output.Content : await output.GetChildContentAsync();
        if (!content.IsEmptyOrWhiteSpace)
        {
            ShownErrors.Record(ViewContext.HttpContext, Text(value));
        }
    }

    private static string Text(object value)
    {
        if (value is not IHtmlContent html)
        {
            return value.ToString() ?? "";
        }

        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return WebUtility.HtmlDecode(writer.ToString());
    }
}
