using Serilog.Context;
using Serilog.Core;
using Serilog.Events;

namespace ProductRoles.Web.Infrastructure.Logging;

/// <summary>
/// Every log event written while a page or API request runs carries the request's id and path, which ASP.NET Core's
/// hosting gave through a log scope while its diagnostics logger was on (<see cref="LeanLogging.HostingDiagnostics"/>).
/// The live hub's branch does not take this middleware: its WebSocket requests would hold the properties for hours.
/// The error page shows the same id, so a reported error is found in the log by it.
/// </summary>
public sealed class RequestLogContext(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using (LogContext.Push(new RequestProperties(context.TraceIdentifier, context.Request.Path.Value ?? "")))
        {
            await next(context);
        }
    }

    /// <summary>The request's id and path as strings: the request itself is reused by the server once it ends.</summary>
    private sealed class RequestProperties(string requestId, string requestPath) : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("RequestId", requestId));
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("RequestPath", requestPath));
        }
    }
}
