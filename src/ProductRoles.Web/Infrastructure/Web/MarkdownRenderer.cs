using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>
/// Renders user-written Markdown to HTML that is safe to show: raw HTML in the input is escaped by
/// Markdig, and the output passes an allow-list sanitizer (no scripts, event handlers, styles or
/// javascript: links) before it reaches a page.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseTaskLists()
        .UseEmphasisExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedCssProperties.Clear();
        _sanitizer.AllowedTags.Remove("form");
        _sanitizer.AllowedTags.Remove("input");
        _sanitizer.AllowedTags.Add("input");
        _sanitizer.AllowedAttributes.Add("checked");
        _sanitizer.AllowedAttributes.Add("disabled");
        _sanitizer.PostProcessNode += (_, e) =>
        {
            // Links written by users open normally but cannot act on this page's behalf.
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
    }

    public HtmlString Render(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown)
            ? HtmlString.Empty
            : new HtmlString(_sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline)));
}
