using System.Collections.Concurrent;

namespace ProductRoles.Web.Infrastructure.Live;

/// <summary>
/// One live connection: a page (<paramref name="View"/>) of a product, open for a user, maybe an edit form; the
/// audience group it joined for its role (<paramref name="Audience"/>, see <see cref="LiveTopics.AudienceGroup"/>).
/// </summary>
public sealed record PresenceEntry(string ConnectionId, int ProductId, string View, string UserId, string Name, bool Editing, string Audience = "");

/// <summary>Someone looking at a page now; one per person, editing if any of their tabs is the edit form.</summary>
public sealed record PresentPerson(string UserId, string Name, bool Editing)
{
    /// <summary>The people of a page's connections, each once, by name.</summary>
    public static IReadOnlyList<PresentPerson> Of(IEnumerable<PresenceEntry> onPage) =>
    [
        .. onPage
            .GroupBy(e => e.UserId, StringComparer.Ordinal)
            .Select(g => new PresentPerson(g.Key, g.First().Name, g.Any(e => e.Editing)))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase),
    ];
}

/// <summary>
/// Who has which page open. The live hub writes it as connections join and leave; membership changes
/// read it to find a user's connections. In memory per instance today; an implementation over Redis
/// can replace it for several instances (every call is async and keyed by connection id, which the
/// SignalR backplane routes to the right instance).
/// </summary>
public interface IPresenceStore
{
    /// <summary>Records the connection's page; answers the entry it replaces, if it was on another page before.</summary>
    Task<PresenceEntry?> SetAsync(PresenceEntry entry, CancellationToken cancellationToken);

    /// <summary>Forgets the connection; answers what it was looking at.</summary>
    Task<PresenceEntry?> RemoveAsync(string connectionId, CancellationToken cancellationToken);

    /// <summary>Forgets every connection of a user in a product (they were removed or their role changed); answers them.</summary>
    Task<IReadOnlyList<PresenceEntry>> RemoveUserAsync(int productId, string userId, CancellationToken cancellationToken);

    /// <summary>The connections on a page now (presence is sent to them, so no connection needs a group per page).</summary>
    Task<IReadOnlyList<PresenceEntry>> OnPageAsync(int productId, string view, CancellationToken cancellationToken);
}

public sealed class InMemoryPresenceStore : IPresenceStore
{
    private readonly ConcurrentDictionary<string, PresenceEntry> _byConnection = new(StringComparer.Ordinal);

    public Task<PresenceEntry?> SetAsync(PresenceEntry entry, CancellationToken cancellationToken)
    {
        PresenceEntry? previous = null;
        _byConnection.AddOrUpdate(entry.ConnectionId, entry, (_, old) =>
        {
            previous = old;
            return entry;
        });
        return Task.FromResult(previous);
    }

    public Task<PresenceEntry?> RemoveAsync(string connectionId, CancellationToken cancellationToken) =>
        Task.FromResult(_byConnection.TryRemove(connectionId, out var removed) ? removed : null);

    public Task<IReadOnlyList<PresenceEntry>> RemoveUserAsync(int productId, string userId, CancellationToken cancellationToken)
    {
        var removed = new List<PresenceEntry>();
        foreach (var entry in _byConnection.Values.Where(e => e.ProductId == productId && e.UserId == userId))
        {
            if (_byConnection.TryRemove(new KeyValuePair<string, PresenceEntry>(entry.ConnectionId, entry)))
            {
                removed.Add(entry);
            }
        }

        return Task.FromResult<IReadOnlyList<PresenceEntry>>(removed);
    }

    public Task<IReadOnlyList<PresenceEntry>> OnPageAsync(int productId, string view, CancellationToken cancellationToken)
    {
        IReadOnlyList<PresenceEntry> onPage =
            [.. _byConnection.Values.Where(e => e.ProductId == productId && string.Equals(e.View, view, StringComparison.Ordinal))];
        return Task.FromResult(onPage);
    }
}
