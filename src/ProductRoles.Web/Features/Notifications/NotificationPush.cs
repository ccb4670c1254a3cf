using Microsoft.AspNetCore.SignalR;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Live;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>
/// Tells the bells of the people just notified, after the commit (as <see cref="LiveChanges"/> does): each
/// of their open pages hears "notified" on the live hub (SignalR's per-user addressing, across instances
/// through the backplane) and fetches its own count. Nothing is said of what happened.
/// </summary>
public sealed class NotificationPush(IHubContext<LiveHub> hub, ILogger<NotificationPush> logger) : ICommitListener
{
    public const string Message = "notified";

    private readonly HashSet<string> _users = new(StringComparer.Ordinal);

    public void Tell(IEnumerable<string> userIds) => _users.UnionWith(userIds);

    public void Discard() => _users.Clear();

    public async Task CommittedAsync(CancellationToken cancellationToken)
    {
        if (_users.Count == 0)
        {
            return;
        }

        var users = _users.ToList();
        _users.Clear();
        try
        {
            await hub.Clients.Users(users).SendAsync(Message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The notifications are saved: the bell shows them on the next page load.
            logger.LogWarning(ex, "Bells could not be told of new notifications");
        }
    }
}
