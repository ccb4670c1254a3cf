using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ProductRoles.Web.Api;

/// <summary>
/// The conventions every /api/v1 endpoint shares: its documentation and refusals, versions carried by
/// <c>ETag</c>/<c>If-Match</c>, and lists paged by an opaque cursor with a <c>Link: rel="next"</c> header.
/// </summary>
public static class ApiConventions
{
    /// <summary>A read: its summary and description, 200 with <typeparamref name="T"/>, and the refusals every read can meet.</summary>
    public static RouteHandlerBuilder Reads<T>(this RouteHandlerBuilder endpoint, string operation, string summary, string description) =>
        endpoint.Named(operation).WithSummary(summary).WithDescription(description)
            .Produces<T>(StatusCodes.Status200OK)
            .Refusals(write: false);

    /// <summary>A write: its summary and description, the success it answers, and the refusals every write can meet.</summary>
    public static RouteHandlerBuilder Writes(this RouteHandlerBuilder endpoint, string operation, string summary, string description, int success,
        Type? response = null)
    {
        endpoint.Named(operation).WithSummary(summary).WithDescription(description);
        endpoint = response is null ? endpoint.Produces(success) : endpoint.Produces(success, response);
        return endpoint.Refusals(write: true);
    }

    /// <summary>The operation's id in the document, which generated clients name their methods after.</summary>
    private static RouteHandlerBuilder Named(this RouteHandlerBuilder endpoint, string operation) =>
        endpoint.AddOpenApiOperationTransformer((o, _, _) =>
        {
            o.OperationId = operation;
            return Task.CompletedTask;
        });

    private static RouteHandlerBuilder Refusals(this RouteHandlerBuilder endpoint, bool write)
    {
        endpoint.ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        if (write)
        {
            endpoint.Produces<ConflictProblem>(StatusCodes.Status409Conflict, "application/problem+json");
        }

        return endpoint;
    }

    /// <summary>The version a write starts from: <c>If-Match</c> when sent (it wins), else the body's.</summary>
    public static int? VersionFrom(HttpRequest request, int? bodyVersion)
    {
        var ifMatch = request.Headers.IfMatch.ToString().Trim();
        if (ifMatch.StartsWith("W/", StringComparison.Ordinal))
        {
            ifMatch = ifMatch[2..];
        }

        return int.TryParse(ifMatch.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : bodyVersion;
    }

    public static int RequireVersion(HttpRequest request, int? bodyVersion) =>
        VersionFrom(request, bodyVersion)
        ?? throw Infrastructure.Pipeline.RequestValidationException.For("version",
            "Send the version you started from, in If-Match or as \"version\".");

    public static string ETag(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>200 with the body, and its version as the ETag for the next write's If-Match.</summary>
    public static Ok<T> WithETag<T>(this HttpContext http, T body, int version)
    {
        http.Response.Headers.ETag = ETag(version);
        return TypedResults.Ok(body);
    }

    /// <summary>
    /// The key a cursor carries: the sort key of the last row of the page before, so the next page starts right
    /// after it whatever was added or removed meanwhile (keyset paging, not an offset). Cursors are opaque to
    /// clients: base64url of the list's name and the key. One made for another list, or garbled, is refused (400).
    /// </summary>
    public static string[]? KeyOf(string? cursor, string list, int parts)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (cursor.Length % 4)) % 4);
            var values = JsonSerializer.Deserialize<string[]>(Encoding.UTF8.GetString(Convert.FromBase64String(padded)));
            if (values is { Length: > 0 } && values.Length == parts + 1 && values[0] == list && values.All(v => v is not null))
            {
                return values[1..];
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            // Falls through to the refusal below.
        }

        throw Infrastructure.Pipeline.RequestValidationException.For("cursor", "This cursor cannot be read: use the one the previous page gave.");
    }

    /// <summary>A number out of a cursor's key; a cursor that carries something else is refused like a garbled one.</summary>
    public static long Number(string value, long min = 0, long max = long.MaxValue) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max ? number
            : throw Infrastructure.Pipeline.RequestValidationException.For("cursor", "This cursor cannot be read: use the one the previous page gave.");

    public static int Int(string value) => (int)Number(value, 0, int.MaxValue);

    public static DateOnly Day(string value) => DateOnly.FromDayNumber((int)Number(value, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

    /// <summary>The cursor that names the row <paramref name="key"/> belongs to, for the page after it.</summary>
    public static string CursorAfter(string list, params string[] key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize((string[])[list, .. key])))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Key(long number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>One page of a list: the items, and the cursor of the next page (also sent as <c>Link: rel="next"</c>), or null on the last.</summary>
    public static Ok<Paged<T>> Paged<T>(this HttpContext http, IReadOnlyList<T> items, string? next, int total)
    {
        if (next is not null)
        {
            var query = http.Request.Query.Where(q => !string.Equals(q.Key, "cursor", StringComparison.OrdinalIgnoreCase))
                .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value.ToString()))
                .Append("cursor=" + next);
            http.Response.Headers.Link = $"<{http.Request.PathBase}{http.Request.Path}?{string.Join("&", query)}>; rel=\"next\"";
        }

        return TypedResults.Ok(new Paged<T>(items, total, next));
    }

    /// <summary>
    /// A page of a list the app reads whole (a product has tens of goals or sprints, not thousands), by the same
    /// keyset rule: the cursor names the last row given, by id, and the page goes on after it in the list's order.
    /// A cursor whose row has gone since is refused (400), rather than silently starting over.
    /// </summary>
    public static Ok<Paged<T>> PagedById<T>(this HttpContext http, IReadOnlyList<T> all, Func<T, int> idOf, string list, string? cursor,
        int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(idOf);
        var start = 0;
        if (KeyOf(cursor, list, 1) is [var last])
        {
            var lastId = Number(last);
            var index = all.ToList().FindIndex(i => idOf(i) == lastId);
            start = index >= 0 ? index + 1
                : throw Infrastructure.Pipeline.RequestValidationException.For("cursor", "The row this cursor names is gone: start again without a cursor.");
        }

        var page = all.Skip(start).Take(pageSize).ToList();
        var next = start + page.Count < all.Count ? CursorAfter(list, Key(idOf(page[^1]))) : null;
        return http.Paged(page, next, all.Count);
    }

    public const int DefaultPageSize = 50;
}

/// <summary>One page of a list and the cursor of the next (null on the last page).</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, string? NextCursor);

/// <summary>409: someone saved first. <c>currentVersion</c> is the version to start again from; <c>values</c> holds each differing field, yours and theirs.</summary>
public sealed class ConflictProblem : ProblemDetails
{
    public int CurrentVersion { get; set; }
    public IReadOnlyList<Infrastructure.Pipeline.ConflictingValue> Values { get; set; } = [];
}
