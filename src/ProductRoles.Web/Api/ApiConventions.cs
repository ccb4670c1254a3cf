using System.Globalization;
using System.Text;
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

    /// <summary>The page a cursor names (cursors are opaque to clients; today they carry a page number).</summary>
    public static int PageOf(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 1;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (cursor.Length % 4)) % 4)));
            if (text.StartsWith("p:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0)
            {
                return page;
            }
        }
        catch (FormatException)
        {
            // Falls through to the refusal below.
        }

        throw Infrastructure.Pipeline.RequestValidationException.For("cursor", "This cursor cannot be read: use the one the previous page gave.");
    }

    /// <summary>One page of a list: the items, and the cursor of the next page (also sent as <c>Link: rel="next"</c>), or null on the last.</summary>
    public static Ok<Paged<T>> Paged<T>(this HttpContext http, IReadOnlyList<T> items, int page, int pageCount, int total)
    {
        string? next = null;
        if (page < pageCount)
        {
            next = Convert.ToBase64String(Encoding.UTF8.GetBytes("p:" + (page + 1).ToString(CultureInfo.InvariantCulture)))
                .TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var query = http.Request.Query.Where(q => !string.Equals(q.Key, "cursor", StringComparison.OrdinalIgnoreCase))
                .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value.ToString()))
                .Append("cursor=" + next);
            http.Response.Headers.Link = $"<{http.Request.PathBase}{http.Request.Path}?{string.Join("&", query)}>; rel=\"next\"";
        }

        return TypedResults.Ok(new Paged<T>(items, total, next));
    }
}

/// <summary>One page of a list and the cursor of the next (null on the last page).</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, string? NextCursor);

/// <summary>409: someone saved first. <c>currentVersion</c> is the version to start again from; <c>values</c> holds each differing field, yours and theirs.</summary>
public sealed class ConflictProblem : ProblemDetails
{
    public int CurrentVersion { get; set; }
    public IReadOnlyList<Infrastructure.Pipeline.ConflictingValue> Values { get; set; } = [];
}
