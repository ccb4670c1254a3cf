using System.Collections.Concurrent;
using System.Reflection;
using Mediator;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Infrastructure.Pipeline;

/// <summary>
/// The one place access is decided: product requests need membership (else 404) and the permission
/// their [Requires] names (else 403); administrator requests need the administrator role; everything
/// else needs a signed-in user.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser user, ProductAccessResolver access)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await RequestAccess.EnsureAllowedAsync(message, user, access, cancellationToken);
        return await next(message, cancellationToken);
    }
}

/// <summary>The access rules themselves, also used by pages that refuse unbindable input before sending.</summary>
public static class RequestAccess
{
    public static async Task EnsureAllowedAsync(
        object message, ICurrentUser user, ProductAccessResolver access, CancellationToken cancellationToken)
    {
        // Each request starts unscoped; only a product request that passes the checks below is scoped.
        access.Leave();

        if (message is IAnonymousRequest)
        {
            return;
        }

        if (user.UserId is null)
        {
            throw new ForbiddenException();
        }

        if (message is IProductRequest productRequest)
        {
            var resolved = await access.ResolveAsync(productRequest.ProductSlug, cancellationToken);
            if (!resolved.Can(RequiredPermission.Of(message.GetType())) || IsReadOnlyTokenWriting(message, user))
            {
                throw new ForbiddenException();
            }

            access.Enter(resolved);
        }
        else if ((message is IAdministratorRequest && (!user.IsAdministrator || user.Token?.ProductId is not null))
                 || IsReadOnlyTokenWriting(message, user))
        {
            // A token restricted to one product reaches no administration, which spans products.
            throw new ForbiddenException();
        }
    }

    /// <summary>A read-only token sends queries only: every command is a write.</summary>
    private static bool IsReadOnlyTokenWriting(object message, ICurrentUser user) =>
        user.Token?.Scope == Domain.AccessTokens.AccessTokenScope.Read && message is IBaseCommand;
}

public static class RequiredPermission
{
    private static readonly ConcurrentDictionary<Type, Permission> Cache = new();

    public static Permission Of(Type requestType) => Cache.GetOrAdd(requestType, static type =>
        type.GetCustomAttribute<RequiresAttribute>()?.Permission
        ?? throw new InvalidOperationException($"{type.Name} is a product request without a [Requires] permission."));
}
