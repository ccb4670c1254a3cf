using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>
/// <c>&lt;time utc="@x.At"&gt;&lt;/time&gt;</c>: a moment stored in UTC, shown in the reader's own time zone
/// (<see cref="UserClock"/>), with the zone named whenever a time of day is shown; the <c>datetime</c>
/// attribute keeps the exact UTC instant. <c>format</c> is a .NET date format, "d MMM yyyy HH:mm" by default;
/// one without hours ("yyyy-MM-dd") shows the reader's local date alone.
/// </summary>
[HtmlTargetElement("time", Attributes = "utc")]
public sealed class UserTimeTagHelper : TagHelper
{
    public const string DefaultFormat = "d MMM yyyy HH:mm";

    [Microsoft.AspNetCore.Mvc.ViewFeatures.ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    [HtmlAttributeName("utc")]
    public DateTime Utc { get; set; }

    [HtmlAttributeName("format")]
    public string Format { get; set; } = DefaultFormat;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var utc = DateTime.SpecifyKind(Utc, DateTimeKind.Utc);
        output.Attributes.SetAttribute("datetime", utc.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        output.Content.SetContent(UserClock.For(ViewContext.HttpContext).Show(utc, Format));
    }
}
