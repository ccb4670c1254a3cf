using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductManager.Vision;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Vision;

public sealed class CompareModel : ProductPageModel
{
    [BindProperty(SupportsGet = true)]
    public int From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int To { get; set; }

    public VisionComparison? Comparison { get; private set; }

    public async Task OnGetAsync() =>
        Comparison = await Sender.Send(new CompareVisionRevisions(Slug, From, To), Aborted);

    /// <summary>Segments without whitespace between elements, so the text reads exactly as written; text is encoded.</summary>
    public static IHtmlContent Render(IReadOnlyList<DiffSegment> segments)
    {
        var html = new HtmlContentBuilder();
        foreach (var segment in segments)
        {
            var tag = segment.Kind switch { DiffKind.Added => "ins class=\"diff-added\"", DiffKind.Removed => "del class=\"diff-removed\"", _ => "span" };
            html.AppendHtml("<" + tag + ">").Append(segment.Text).AppendHtml("</" + tag.Split(' ')[0] + ">");
        }

        return html;
    }
}
