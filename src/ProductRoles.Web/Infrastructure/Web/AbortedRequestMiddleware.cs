namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>
/// A request the client gave up on (closed the tab, lost the connection) ends in an
/// OperationCanceledException from whatever was awaiting. That is not an error of the app: it is
/// answered with 499 (client closed request), which the request log writes at information level,
/// instead of reaching the exception handler as a 500 with a stack trace.
/// </summary>
public sealed class AbortedRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            }
        }
    }
}
