using System.Collections.Concurrent;
using System.Reflection;
using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Infrastructure.Events;

/// <summary>Hands each event to every registered <see cref="IDomainEventHandler{TEvent}"/> of its type, one after another.</summary>
public sealed class DomainEventDispatcher(IServiceProvider services)
{
    private delegate Task Invoker(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken);

    private static readonly ConcurrentDictionary<Type, Invoker> Invokers = new();

    private static readonly MethodInfo InvokeMethod =
        typeof(DomainEventDispatcher).GetMethod(nameof(InvokeAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public Task DispatchAsync(IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        Invokers.GetOrAdd(domainEvent.GetType(),
                static type => InvokeMethod.MakeGenericMethod(type).CreateDelegate<Invoker>())
            (services, domainEvent, cancellationToken);

    private static async Task InvokeAsync<TEvent>(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync((TEvent)domainEvent, cancellationToken);
        }
    }
}

public static class DomainEventServices
{
    /// <summary>The per-scope collector, the dispatcher, and every handler in the app (scoped, like the mediator's).</summary>
    public static IServiceCollection AddDomainEvents(this IServiceCollection services)
    {
        services.AddScoped<DomainEvents>();
        services.AddScoped<DomainEventDispatcher>();
        foreach (var type in typeof(DomainEvents).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var contract in type.GetInterfaces()
                         .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>)))
            {
                services.AddScoped(contract, type);
            }
        }

        return services;
    }
}
