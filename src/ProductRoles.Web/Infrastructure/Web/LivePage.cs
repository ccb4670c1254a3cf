using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>
/// A page that is live: which page it is for presence (<paramref name="View"/>, a topic name), the
/// topics after which it fetches itself again (<paramref name="Topics"/>, space-separated; none for a
/// form, which is never re-rendered under the user's hands), and whether it is an edit form
/// (presence shows "editing", and a change of <paramref name="View"/> by someone else warns that the
/// form is stale; <paramref name="ItemUrl"/> is where their version is shown). A page sets it in
/// ViewData; the layout writes the live bar that live.js reads.
/// </summary>
public sealed record LivePage(string View, string Topics = "", bool Editing = false, string? ItemUrl = null)
{
    public const string Key = "Live";

    /// <summary>The query that asks a page for its content only (no layout), which live.js morphs in: ?fragment=live.</summary>
    public const string FragmentQuery = "fragment";

    public const string FragmentValue = "live";

    public static LivePage? Of(ViewDataDictionary viewData) => viewData[Key] as LivePage;

    public static bool IsFragmentRequest(HttpContext http) =>
        HttpMethods.IsGet(http.Request.Method) && string.Equals(http.Request.Query[FragmentQuery], FragmentValue, StringComparison.Ordinal);

    /// <summary>
    /// Where the page fetches itself again: its own path and query (the filter, the page number),
    /// never a handler. Null for the answer to a post (errors or a conflict are shown): that page
    /// stays as it is until the user acts.
    /// </summary>
    public static string? SourceOf(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) || request.Query.ContainsKey("handler"))
        {
            return null;
        }

        var query = QueryString.Create(request.Query
            .Where(q => !string.Equals(q.Key, FragmentQuery, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
        return request.PathBase + request.Path + query;
    }
}
