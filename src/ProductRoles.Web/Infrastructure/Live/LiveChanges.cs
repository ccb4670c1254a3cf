using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using ProductRoles.Web.Infrastructure.Events;

namespace ProductRoles.Web.Infrastructure.Live;

/// <summary>
/// Something a live page may want to show again: the topics it touched and a short note of who did
/// what. The note is for the audience of the first topic only (e.g. a backlog note goes to those who
/// may see the backlog); the other topics' audiences only learn that their page changed.
/// </summary>
public sealed record LiveChange(int ProductId, string? ActorId, string Note, IReadOnlyList<string> Topics);

/// <summary>
/// What one audience group hears of one command: ids only, in topic names, and the notes it may
/// read. The page then fetches its own server-rendered HTML, as its reader, and morphs it in.
/// </summary>
public sealed record LiveMessage(string Id, string? Actor, IReadOnlyList<string> Topics, IReadOnlyList<string> Notes);

/// <summary>
/// Collects the live changes of one command (from <see cref="LiveChangeHandler"/>, inside the
/// transaction) and sends them only after the commit, one message per product audience. Membership
/// changes take the member's connections out of the product's groups at the same moment.
/// </summary>
public sealed class LiveChanges(IHubContext<LiveHub> hub, IPresenceStore presence, ILogger<LiveChanges> logger) : ICommitListener
{
    private readonly List<LiveChange> _changes = [];
    private readonly List<(int ProductId, string UserId)> _accessChanges = [];

    public void Add(LiveChange change) => _changes.Add(change);

    /// <summary>The user's access to the product changed: their open pages must join again (or be refused).</summary>
    public void AccessChanged(int productId, string userId) => _accessChanges.Add((productId, userId));

    public void Discard()
    {
        _changes.Clear();
        _accessChanges.Clear();
    }

    public async Task CommittedAsync(CancellationToken cancellationToken)
    {
        if (_changes.Count == 0 && _accessChanges.Count == 0)
        {
            return;
        }

        var changes = _changes.ToList();
        var accessChanges = _accessChanges.Distinct().ToList();
        Discard();
        try
        {
            // Revocations first: a member removed by this very command hears nothing of it.
            foreach (var (productId, userId) in accessChanges)
            {
                await RevokeAsync(productId, userId);
            }

            foreach (var product in changes.GroupBy(c => c.ProductId))
            {
                await SendAsync(product.Key, [.. product]);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The command's changes are saved; pages that missed this catch up when they next load or reconnect.
            logger.LogWarning(ex, "Live updates for a committed command could not be sent");
        }
    }

    private async Task SendAsync(int productId, IReadOnlyList<LiveChange> changes)
    {
        var id = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        var actor = changes[0].ActorId;
        var byAudience = new Dictionary<Security.Permission, (List<string> Topics, List<string> Notes)>();
        foreach (var change in changes)
        {
            var noteAudience = LiveTopics.PermissionFor(change.Topics[0]);
            foreach (var topic in change.Topics)
            {
                var audience = LiveTopics.PermissionFor(topic)
                    ?? throw new InvalidOperationException($"\"{topic}\" is not a live topic (see LiveTopics).");
                if (!byAudience.TryGetValue(audience, out var message))
                {
                    byAudience[audience] = message = ([], []);
                }

                if (!message.Topics.Contains(topic, StringComparer.Ordinal))
                {
                    message.Topics.Add(topic);
                }

                if (audience == noteAudience && !message.Notes.Contains(change.Note, StringComparer.Ordinal))
                {
                    message.Notes.Add(change.Note);
                }
            }
        }

        foreach (var (audience, (topics, notes)) in byAudience)
        {
            await hub.Clients.Groups(LiveTopics.GroupsHearing(productId, audience))
                .SendAsync("changed", new LiveMessage(id, actor, topics, notes), CancellationToken.None);
        }
    }

    private async Task RevokeAsync(int productId, string userId)
    {
        foreach (var entry in await presence.RemoveUserAsync(productId, userId, CancellationToken.None))
        {
            await LiveGroups.RemoveAsync(hub.Groups, entry);
            await hub.Clients.Client(entry.ConnectionId).SendAsync("access-changed", CancellationToken.None);
            await LiveHub.BroadcastPresenceAsync(hub.Clients, presence, productId, entry.View);
        }
    }
}
