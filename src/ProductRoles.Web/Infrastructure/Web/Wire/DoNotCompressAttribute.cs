using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ProductRoles.Web.Infrastructure.Web.Wire;

/// <summary>A page that can show a secret beside what the user typed is sent uncompressed over HTTPS (BREACH, see <see cref="WireSetup"/>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DoNotCompressAttribute : Attribute, IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.HttpContext.Features.Get<IHttpsCompressionFeature>() is { } compression)
        {
            compression.Mode = HttpsCompressionMode.DoNotCompress;
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
