using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.ScaleOut;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Infrastructure.Live;

namespace ProductRoles.Tests.ScaleOut;

/// <summary>
/// Live updates with two instances and the Redis backplane: people see each other's changes and
/// each other's presence whichever instance their page is connected to, and losing access on one
/// instance stops updates on the other.
/// </summary>
[Collection(TwoInstancesCollection.Name)]
public sealed class LiveAcrossInstancesTests(TwoInstances cluster)
{
    [SkippableFact]
    public async Task A_change_made_through_instance_A_reaches_a_page_connected_to_instance_B()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        var product = await cluster.A.Data.NewProduct("Live across instances").BuildAsync();
        await using var onB = await ConnectAsync(cluster.B, AppFixture.Dev);
        await onB.JoinAsync(product.Slug, LiveTopics.Backlog);

        // The product owner adds an item through instance A.
        await product.BacklogItem("Checkout remembers the last card").Chore().CreateAsync();

        var change = await onB.NextChangeAsync();
        Assert.Contains(LiveTopics.Backlog, change.Topics);
        Assert.Contains(change.Notes, n => n.Contains("Checkout remembers the last card", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task People_on_the_same_page_see_each_other_whichever_instance_they_are_on()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        var product = await cluster.A.Data.NewProduct("Presence across instances").BuildAsync();
        await using var poOnA = await ConnectAsync(cluster.A, AppFixture.Po);
        await using var devOnB = await ConnectAsync(cluster.B, AppFixture.Dev);

        var po = (await poOnA.JoinAsync(product.Slug, LiveTopics.Backlog)).UserId;
        var dev = (await devOnB.JoinAsync(product.Slug, LiveTopics.Backlog)).UserId;

        // Each page lists both people: the one connected to the other instance too.
        await poOnA.PresenceOfAsync(LiveTopics.Backlog, po, dev);
        await devOnB.PresenceOfAsync(LiveTopics.Backlog, po, dev);

        // The developer closes the page on B: A's page sees them go.
        await devOnB.DisposeAsync();
        await poOnA.PresenceOfAsync(LiveTopics.Backlog, po);
    }

    [SkippableFact]
    public async Task A_member_removed_through_instance_A_stops_receiving_updates_on_instance_B_at_once()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        var product = await cluster.A.Data.NewProduct("Revoked across instances").BuildAsync();
        await using var devOnB = await ConnectAsync(cluster.B, AppFixture.Dev);
        await using var poOnB = await ConnectAsync(cluster.B, AppFixture.Po);
        var dev = (await devOnB.JoinAsync(product.Slug, LiveTopics.Backlog)).UserId;
        await poOnB.JoinAsync(product.Slug, LiveTopics.Backlog);

        await cluster.A.Data.AsUserAsync(AppFixture.Admin, async sender => await sender.Send(new RemoveMember(product.Slug, dev)));
        await devOnB.NextAccessChangeAsync();

        // A later change reaches the product owner's page on B, and never the removed developer's.
        await product.BacklogItem("Only for members").Chore().CreateAsync();
        var change = await poOnB.NextChangeAsync();
        Assert.Contains(change.Notes, n => n.Contains("Only for members", StringComparison.Ordinal));
        Assert.DoesNotContain(devOnB.Unread(), m => m is LiveMessage l && l.Notes.Any(n => n.Contains("Only for members", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task A_login_signed_out_on_one_instance_can_no_longer_open_a_live_connection_on_the_other()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        using var onA = cluster.A.Client(headers: cluster.NewClientAddress());
        await onA.SignInAsync(AppFixture.Dev, AppFactory.DemoPassword);
        var copied = new System.Net.CookieContainer();
        copied.Add(onA.Cookies.GetAllCookies());
        await using (var before = await InstanceLiveClient.ConnectAsync(cluster.B, copied))
        {
            // The WebSocket's session check runs in a scope of its own (SessionValidation): it still checks.
        }

        var home = await onA.GetPageAsync("/");
        using (var signOut = await onA.SubmitAsync(home, "form[action='/Account/Logout']"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signOut.StatusCode);
        }

        await Assert.ThrowsAnyAsync<Exception>(() => InstanceLiveClient.ConnectAsync(cluster.B, copied));
    }

    private async Task<InstanceLiveClient> ConnectAsync(AppInstance instance, string email)
    {
        using var client = instance.Client(headers: cluster.NewClientAddress());
        await client.SignInAsync(email, AppFactory.DemoPassword);
        return await InstanceLiveClient.ConnectAsync(instance, client.Cookies);
    }
}
