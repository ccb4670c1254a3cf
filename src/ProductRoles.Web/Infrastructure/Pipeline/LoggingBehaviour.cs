using System.Diagnostics;
using Mediator;
using ProductRoles.Web.Infrastructure.Security;
using Serilog.Context;

namespace ProductRoles.Web.Infrastructure.Pipeline;

/// <summary>
/// Logs each request by name, user, product and elapsed time. Only the request's type is logged,
/// never its fields: they can hold passwords.
/// </summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(ICurrentUser user, ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var requestName = typeof(TMessage).Name;
        var product = (message as IProductRequest)?.ProductSlug;
        using var requestProperty = LogContext.PushProperty("RequestName", requestName);
        using var productProperty = LogContext.PushProperty("Product", product);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            logger.LogInformation("Handled {RequestName} for {User} in product {Product} in {ElapsedMs:0.0} ms",
                requestName, user.UserId, product, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex) when (ex is NotFoundException or ForbiddenException or RequestValidationException
                                       or ConcurrencyConflictException)
        {
            logger.LogInformation("Refused {RequestName} for {User} in product {Product}: {Outcome} after {ElapsedMs:0.0} ms",
                requestName, user.UserId, product, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
