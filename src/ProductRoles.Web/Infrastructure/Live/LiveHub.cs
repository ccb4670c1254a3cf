using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Infrastructure.Live;

/// <summary>What a page learns when it joined: who it is (to tell its own changes from others').</summary>
public sealed record LiveJoined(string UserId);

/// <summary>Who is on a page now, sent to everyone on that page.</summary>
public sealed record PresenceMessage(string View, IReadOnlyList<PresentPerson> People);

/// <summary>
/// The one live hub. A page joins with its product and the page it shows (a topic name, see
/// <see cref="LiveTopics"/>): the hub checks membership and role with the same lookup and permission
/// table as pages, then adds the connection to the product's audience group of its kind of access and
/// records it on the page's presence. Nothing is sent here except presence; changes are sent after commits by
/// <see cref="LiveChanges"/>. Only signed-in users reach it: <see cref="LiveSignIn"/> refuses the rest before the
/// hub (in place of an <c>[Authorize]</c>, whose middleware would wait on every connection for its whole life).
/// </summary>
public sealed class LiveHub(AppDbContext db, IPresenceStore presence) : Hub
{
    public const string Path = "/hubs/live";

    /// <summary>The refusal for a product that does not exist or that the caller is not a member of: the same words, so nothing leaks.</summary>
    public const string NotFound = "There is no such product.";

    public const string NotAllowed = "Your role may not follow this page.";

    public const string UnknownView = "There is no such page to follow.";

    public async Task<LiveJoined> Join(string productSlug, string view, bool editing)
    {
        var userId = Context.UserIdentifier ?? throw new HubException(NotFound);
        var needed = LiveTopics.PermissionFor(view) ?? throw new HubException(UnknownView);
        var user = Context.User ?? new ClaimsPrincipal();
        var access = await ProductAccessResolver.FindAsync(db, productSlug ?? "", userId, user.IsInRole(AppRoles.Administrator), Context.ConnectionAborted)
            ?? throw new HubException(NotFound);
        if (!access.Can(needed))
        {
            throw new HubException(NotAllowed);
        }

        await LeaveAsync(Context.ConnectionId);
        var audience = LiveTopics.AudienceGroup(access);
        await Groups.AddToGroupAsync(Context.ConnectionId, audience);
        // The name is read here, not kept with the connection's user: an idle connection holds only what it needs.
        var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(Context.ConnectionAborted) ?? "Someone";
        await presence.SetAsync(new PresenceEntry(Context.ConnectionId, access.ProductId, view, userId, name, editing, audience), Context.ConnectionAborted);
        await BroadcastPresenceAsync(Clients, presence, access.ProductId, view);
        return new LiveJoined(userId);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var left = await presence.RemoveAsync(Context.ConnectionId, CancellationToken.None);
        if (left is not null)
        {
            await BroadcastPresenceAsync(Clients, presence, left.ProductId, left.View);
        }

        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Sends the page's present people to everyone on it (the connections presence lists: no group per page).</summary>
    public static async Task BroadcastPresenceAsync(IHubClients<IClientProxy> clients, IPresenceStore presence, int productId, string view)
    {
        var onPage = await presence.OnPageAsync(productId, view, CancellationToken.None);
        if (onPage.Count > 0)
        {
            await clients.Clients([.. onPage.Select(e => e.ConnectionId)]).SendAsync("presence", new PresenceMessage(view, PresentPerson.Of(onPage)));
        }
    }

    /// <summary>A connection joining again (another page, or after its access changed) first leaves what it had joined.</summary>
    private async Task LeaveAsync(string connectionId)
    {
        var previous = await presence.RemoveAsync(connectionId, CancellationToken.None);
        if (previous is null)
        {
            return;
        }

        await LiveGroups.RemoveAsync(Groups, previous);
        await BroadcastPresenceAsync(Clients, presence, previous.ProductId, previous.View);
    }
}

public static class LiveGroups
{
    /// <summary>Takes a connection out of the product's audience group it had joined (presence, its page, it has left already).</summary>
    public static async Task RemoveAsync(IGroupManager groups, PresenceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Audience.Length > 0)
        {
            await groups.RemoveFromGroupAsync(entry.ConnectionId, entry.Audience);
        }
    }
}
