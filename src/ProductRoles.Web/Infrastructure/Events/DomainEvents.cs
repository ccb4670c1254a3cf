using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Infrastructure.Events;

/// <summary>
/// The events raised while one command runs (one per request scope). The unit of work hands them to
/// their handlers after the command's changes are saved, inside the same transaction.
/// </summary>
public sealed class DomainEvents
{
    private readonly List<IDomainEvent> _pending = [];

    public bool HasPending => _pending.Count > 0;

    public void Raise(IDomainEvent domainEvent) => _pending.Add(domainEvent);

    /// <summary>The events raised so far, in order; they are no longer pending.</summary>
    public IReadOnlyList<IDomainEvent> TakeAll()
    {
        var taken = _pending.ToList();
        _pending.Clear();
        return taken;
    }

    public void Clear() => _pending.Clear();
}

/// <summary>Reacts to one kind of domain event, inside the transaction of the command that raised it.</summary>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
