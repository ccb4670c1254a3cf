using System.Text;
using Microsoft.Net.Http.Headers;

namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>
/// A body whose Content-Type names a charset no decoder knows (e.g. "utf-99") cannot be read: the
/// framework's JSON and form readers throw on it, which was a 500. It is answered 415 before
/// anything tries.
/// </summary>
public sealed class RequestCharsetMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) && type.Charset.HasValue && !Known(type.Charset.Value!))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return Task.CompletedTask;
        }

        return next(context);
    }

    private static bool Known(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
