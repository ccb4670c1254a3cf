using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace ProductRoles.Bench;

/// <summary>
/// Bytes on the wire per page: each page fetched once as a browser would (Accept-Encoding br, then gzip, then
/// neither), counting the body as it crossed the connection, before any decompression.
/// Figures <c>wire_bytes_{page}_br</c> and <c>wire_bytes_{page}_gzip</c>; the uncompressed size goes in the details.
/// </summary>
public static class WireBytes
{
    /// <summary>The pages measured: backlog and sprint review as the product owner, the roadmap board as the product manager, and the
    /// board of the review's (closed) sprint.</summary>
    public static IReadOnlyList<(string Page, LoadTarget Target)> Pages(Uri app, string slug, int reviewSprintId, string ownerCookie, string managerCookie) =>
    [
        ("backlog_first_screen", new LoadTarget("backlog", new Uri(app, $"p/{slug}/backlog"), ownerCookie)),
        ("roadmap_board", new LoadTarget("roadmap", new Uri(app, $"p/{slug}/roadmap"), managerCookie)),
        ("sprint_review", new LoadTarget("review", new Uri(app, $"p/{slug}/sprints/{reviewSprintId}/review"), ownerCookie)),
        ("sprint_board", new LoadTarget("board", new Uri(app, $"p/{slug}/sprints/{reviewSprintId}/board"), ownerCookie)),
    ];

    public static async Task MeasureAsync(BenchReport report, IReadOnlyList<(string Page, LoadTarget Target)> pages, Action<string> log)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None });
        var details = new JsonObject();
        foreach (var (page, target) in pages)
        {
            var raw = await BodyBytesAsync(http, target, null);
            var br = await BodyBytesAsync(http, target, "br");
            var gzip = await BodyBytesAsync(http, target, "gzip");
            report.Add($"wire_bytes_{page}_br", br);
            report.Add($"wire_bytes_{page}_gzip", gzip);
            details[page] = new JsonObject { ["raw"] = raw, ["br"] = br, ["gzip"] = gzip, ["url"] = target.Url.PathAndQuery };
            log(string.Create(CultureInfo.InvariantCulture, $"wire bytes {page}: {raw:N0} raw, {br:N0} br, {gzip:N0} gzip"));
        }

        report.Details["wire_bytes"] = details;
    }

    private static async Task<long> BodyBytesAsync(HttpClient http, LoadTarget target, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target.Url);
        if (target.Cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", target.Cookie);
        }

        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        }

        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{target.Url} answered {(int)response.StatusCode}.");
        }

        var sent = response.Content.Headers.ContentEncoding.SingleOrDefault();
        if (sent != encoding)
        {
            throw new InvalidOperationException($"{target.Url} asked for {encoding ?? "no encoding"} came with {sent ?? "none"}.");
        }

        return (await response.Content.ReadAsByteArrayAsync()).LongLength;
    }
}
