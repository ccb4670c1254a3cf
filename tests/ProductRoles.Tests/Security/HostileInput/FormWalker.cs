using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using ProductRoles.Tests.Infrastructure;

namespace ProductRoles.Tests.Security.HostileInput;

/// <summary>A page as one caller saw it.</summary>
public sealed record PageVisit(string Who, string Url, IHtmlDocument Page);

public sealed record FormField(string Name, FieldClass Class);

/// <summary>
/// A post form as found on a page: where it posts, its fields as the page filled them (the
/// antiforgery token included), and a key that is the same for the same form on any item's page.
/// </summary>
public sealed record FoundForm(string Key, string Target, IReadOnlyList<FormField> Fields, IReadOnlyList<KeyValuePair<string, string>> Values);

/// <summary>Finds pages by following the app's own links, and post forms by reading them, so new ones need no new code.</summary>
public static partial class FormWalker
{
    /// <summary>Pages with the same shape (ids replaced, query values dropped) are visited once per caller.</summary>
    public static string Signature(string url)
    {
        var uri = new Uri(new Uri("http://localhost"), url);
        var path = NumberSegment().Replace(uri.AbsolutePath.TrimEnd('/'), "/#");
        var keys = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=')[0].ToLowerInvariant()).Distinct().Order();
        return path.ToLowerInvariant() + "?" + string.Join("&", keys);
    }

    /// <summary>
    /// Follows links breadth first. A page of a shape already seen is visited again when another kind of
    /// page links to it (a backlog item from the backlog and from the home page may be in different
    /// states, showing different links and forms), up to <paramref name="perShape"/> pages of a shape.
    /// </summary>
    public static async Task<List<PageVisit>> CrawlAsync(string who, TestClient client, IEnumerable<string> start, Func<string, bool> inScope, int perShape = 1)
    {
        var visits = new List<PageVisit>();
        var shapes = new Dictionary<string, int>();
        var followed = new HashSet<string>();
        var seen = new HashSet<string>();
        var queue = new Queue<(string Url, string From)>(start.Select(u => (u, "")));
        while (queue.Count > 0)
        {
            var (url, from) = queue.Dequeue();
            var shape = Signature(url);
            if (seen.Contains(url) || shapes.GetValueOrDefault(shape) >= perShape || shapes.ContainsKey(shape) && !followed.Add(shape + " from " + from))
            {
                continue;
            }

            seen.Add(url);
            followed.Add(shape + " from " + from);
            shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
            using var response = await client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"GET {url} as {who} answered {(int)response.StatusCode}.");
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = await TestClient.ParseAsync(response);
            visits.Add(new PageVisit(who, url, page));
            foreach (var link in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                var local = Local(link);
                if (local is not null && inScope(local))
                {
                    queue.Enqueue((local, Signature(url)));
                }
            }
        }

        return visits;
    }

    /// <summary>Where a form posts, by shape: the path with ids replaced and the page handler; list filters in the query don't make another form.</summary>
    public static string FormTarget(string url)
    {
        var uri = new Uri(new Uri("http://localhost"), url);
        var handler = uri.Query.TrimStart('?').Split('&').FirstOrDefault(p => p.StartsWith("handler=", StringComparison.OrdinalIgnoreCase));
        return NumberSegment().Replace(uri.AbsolutePath.TrimEnd('/'), "/#").ToLowerInvariant() + (handler is null ? "" : "?" + handler);
    }

    /// <summary>A link's path and query when it points into this app, else null.</summary>
    public static string? Local(string href)
    {
        if (href.StartsWith('#') || href.StartsWith("//", StringComparison.Ordinal) || href.Contains(':', StringComparison.Ordinal) && !href.StartsWith('/'))
        {
            return null;
        }

        var uri = new Uri(new Uri("http://localhost/"), href);
        return uri.Host == "localhost" ? uri.PathAndQuery : null;
    }

    public static IEnumerable<FoundForm> Forms(PageVisit visit)
    {
        foreach (var form in visit.Page.Forms.Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)))
        {
            var action = form.GetAttribute("action");
            var target = Local(string.IsNullOrEmpty(action) ? visit.Url : action) ?? visit.Url;
            var fields = new Dictionary<string, FieldClass>();
            var values = new List<KeyValuePair<string, string>>();
            var firstButton = true;
            foreach (var element in form.Elements)
            {
                switch (element)
                {
                    case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "reset" or "image"):
                        var kind = input.Type switch
                        {
                            "checkbox" or "radio" => FieldClass.Checkbox,
                            "number" or "range" => FieldClass.Number,
                            "date" or "datetime-local" or "month" or "week" or "time" => FieldClass.Date,
                            "hidden" => FieldClass.Hidden,
                            _ => FieldClass.Text,
                        };
                        // A checkbox and the hidden "false" that asp-for adds share a name: the checkbox says what it is.
                        if (!fields.TryGetValue(input.Name!, out var known) || known == FieldClass.Hidden)
                        {
                            fields[input.Name!] = kind;
                        }

                        if (kind != FieldClass.Checkbox || input.IsChecked)
                        {
                            values.Add(new(input.Name!, input.Value));
                        }

                        break;
                    case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                        fields.TryAdd(select.Name!, FieldClass.Choice);
                        var selected = select.Options.Where(o => o.IsSelected).ToList();
                        foreach (var option in selected.Count > 0 ? selected : select.Options.Take(1))
                        {
                            values.Add(new(select.Name!, option.Value));
                        }

                        break;
                    case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name):
                        fields.TryAdd(textArea.Name!, FieldClass.Text);
                        values.Add(new(textArea.Name!, textArea.Value));
                        break;
                    case IHtmlButtonElement { Type: "submit" } button when !string.IsNullOrEmpty(button.Name):
                        // Named submit buttons (e.g. move Up/Down) send their value: the first one is "pressed".
                        fields.TryAdd(button.Name!, FieldClass.Choice);
                        if (firstButton)
                        {
                            values.Add(new(button.Name!, button.Value));
                            firstButton = false;
                        }

                        break;
                }
            }

            var names = string.Join(",", fields.Keys.Order(StringComparer.Ordinal));
            yield return new FoundForm($"{FormTarget(target)} [{names}]", target,
                fields.Where(f => f.Key != "__RequestVerificationToken").Select(f => new FormField(f.Key, f.Value)).ToList(), values);
        }
    }

    /// <summary>The form's values with one field replaced, url-encoded by hand so raw bytes (a lone surrogate) go out as they are.</summary>
    public static HttpContent Body(FoundForm form, string field, HostileValue value)
    {
        var parts = form.Values.Where(v => v.Key != field)
            .Select(v => Uri.EscapeDataString(v.Key) + "=" + Uri.EscapeDataString(v.Value))
            .Append(Uri.EscapeDataString(field) + "=" + (value.Raw ?? Uri.EscapeDataString(value.Value)));
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(string.Join("&", parts)));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>A validation message or alert the user can read on a re-shown page.</summary>
    public static bool ShowsMessage(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-valmsg-for], .field-validation-error, .validation-summary-errors, [role=alert]")
            .Any(e => !string.IsNullOrWhiteSpace(e.TextContent));

    /// <summary>Hostile markup that reached the page as markup rather than as text: a script, an event handler or a javascript: link.</summary>
    public static string? Unencoded(IHtmlDocument page)
    {
        foreach (var element in page.All)
        {
            if (element.LocalName == "script" && element.TextContent.Contains("hostileWalk", StringComparison.Ordinal))
            {
                return "a <script> element";
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) && attribute.Value.Contains("hostileWalk", StringComparison.Ordinal))
                {
                    return $"an {attribute.Name} attribute on <{element.LocalName}>";
                }

                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href"
                    && attribute.Value.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    return $"a javascript: {attribute.Name} on <{element.LocalName}>";
                }
            }
        }

        return null;
    }

    /// <summary>Repeated fields (criteria[0], criteria[1]...) are one field: only the first is walked.</summary>
    public static IEnumerable<FormField> Distinct(IEnumerable<FormField> fields) =>
        fields.DistinctBy(f => Index().Replace(f.Name, "[i]"));

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex NumberSegment();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}
