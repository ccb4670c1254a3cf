using AngleSharp.Html.Parser;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Tests.Security;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    public void Hostile_input_never_becomes_active_html(string markdown)
    {
        // Parsed as a browser would: escaped text is harmless, elements and attributes are not.
        var html = _renderer.Render(markdown).Value!;
        var document = new HtmlParser().ParseDocument(html);
        var elements = document.Body!.QuerySelectorAll("*");
        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, style"));
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style");
        Assert.DoesNotContain(elements, e => (e.GetAttribute("href") ?? e.GetAttribute("src") ?? "").Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Ordinary_markdown_keeps_its_formatting()
    {
        var html = _renderer.Render("**Wallets** first, see [the study](https://example.com/study)\n\n- Apple Pay\n- Google Pay").Value!;
        Assert.Contains("<strong>Wallets</strong>", html);
        Assert.Contains("<li>Apple Pay</li>", html);
        Assert.Contains("href=\"https://example.com/study\"", html);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html);
    }
}
