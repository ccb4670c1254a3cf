using AngleSharp.Html.Dom;

namespace ProductRoles.Tests.Infrastructure;

public static class PageAssertions
{
    /// <summary>The message shown beside a field (the span tied to it by asp-validation-for).</summary>
    public static string FieldError(this IHtmlDocument page, string fieldName) =>
        page.QuerySelector($"[data-valmsg-for='{fieldName}']")?.TextContent.Trim() ?? string.Empty;

    public static string Heading(this IHtmlDocument page) => page.QuerySelector("h1")?.TextContent.Trim() ?? string.Empty;

    public static string Text(this IHtmlDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? string.Empty;
}
