using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Live;

namespace ProductRoles.Tests.Live;

/// <summary>
/// Live updates on the wire: what a connection of each role hears after a command commits, and
/// what it never hears. Messages on one connection arrive in the order they were sent, so "nothing
/// came" is proven by a later message that must come (no waiting for a silence).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LiveUpdatesTests(AppFixture app)
{
    private async Task<LiveClient> LiveAsAsync(string email) => await LiveClient.ConnectAsync(app.Factory, await app.SharedClientAsync(email));

    private Task<string> UserIdAsync(string email) =>
        app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task A_backlog_move_reaches_the_team_after_the_commit_as_ids_and_a_note_naming_who_did_it()
    {
        var product = await app.NewProduct("Live move").BuildAsync();
        var items = await product.BacklogItemsAsync(2);
        await using var dev = await LiveAsAsync(AppFixture.Dev);
        await dev.JoinAsync(product.Slug, LiveTopics.Backlog);

        await product.SendAsync(AppFixture.Po, new MoveBacklogItem(product.Slug, items[1], BacklogMove.Top));

        var message = await dev.NextChangeAsync();
        Assert.Contains("backlog", message.Topics);
        Assert.Contains($"backlog-item:{items[1]}", message.Topics);
        Assert.Equal([$"Oliver Owens (PO) moved #{items[1]} from position 2 to 1"], message.Notes);
        Assert.Equal(await UserIdAsync(AppFixture.Po), message.Actor);
    }

    [Fact]
    public async Task A_stakeholder_hears_no_backlog_change_but_hears_the_roadmap_being_published()
    {
        var product = await app.NewProduct("Live stakeholder").BuildAsync();
        await product.RoadmapItem("Wallets").In(RoadmapHorizon.Now).CreateAsync();
        await using var stakeholder = await LiveAsAsync(AppFixture.Stakeholder);
        await using var dev = await LiveAsAsync(AppFixture.Dev);
        await stakeholder.JoinAsync(product.Slug, LiveTopics.Home);
        await dev.JoinAsync(product.Slug, LiveTopics.Home);

        var item = await product.BacklogItem("Secret backlog work").CreateAsync();
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, null));

        var devHeard = await dev.NextChangeAsync();
        Assert.Contains($"backlog-item:{item}", devHeard.Topics);
        Assert.Contains(devHeard.Notes, n => n.Contains("Secret backlog work", StringComparison.Ordinal));

        // The first thing the stakeholder hears is the publish: the backlog item's message never reached them.
        var heard = await stakeholder.NextChangeAsync();
        Assert.Equal(["roadmap-published"], heard.Topics);
        Assert.Equal(["Priya Sharma (PM) published the roadmap"], heard.Notes);
    }

    [Fact]
    public async Task A_command_that_fails_sends_nothing()
    {
        var product = await app.NewProduct("Live failure").BuildAsync();
        var items = await product.BacklogItemsAsync(2);
        await using var dev = await LiveAsAsync(AppFixture.Dev);
        await dev.JoinAsync(product.Slug, LiveTopics.Backlog);

        var stale = product.BacklogItem("Never saved").Fields;
        await Assert.ThrowsAnyAsync<Exception>(() => product.SendAsync(AppFixture.Po, new EditBacklogItem(product.Slug, items[0], stale, 99)));
        await product.SendAsync(AppFixture.Po, new MoveBacklogItem(product.Slug, items[1], BacklogMove.Top));

        var first = await dev.NextChangeAsync();
        Assert.Equal([$"Oliver Owens (PO) moved #{items[1]} from position 2 to 1"], first.Notes);
    }

    [Fact]
    public async Task People_on_the_same_page_see_each_other_and_who_is_editing()
    {
        var product = await app.NewProduct("Live presence").BuildAsync();
        var item = await product.BacklogItem("Shared").CreateAsync();
        var view = LiveTopics.BacklogItem(item);
        await using var dev = await LiveAsAsync(AppFixture.Dev);
        await using var sm = await LiveAsAsync(AppFixture.Sm);

        await dev.JoinAsync(product.Slug, view, editing: true);
        await sm.JoinAsync(product.Slug, view);

        var seen = await sm.PresenceWithAsync(view, 2);
        Assert.Contains(seen.People, p => p is { Name: "Dana Kim (Developer)", Editing: true });
        Assert.Contains(seen.People, p => p is { Name: "Sam Martinez (Scrum master)", Editing: false });
        Assert.Equal(2, (await dev.PresenceWithAsync(view, 2)).People.Count);

        await sm.DisposeAsync();
        Assert.Equal("Dana Kim (Developer)", Assert.Single((await dev.PresenceWithAsync(view, 1)).People).Name);
    }

    [Fact]
    public async Task A_member_removed_from_the_product_stops_hearing_it_at_once()
    {
        var product = await app.NewProduct("Live removal").BuildAsync();
        var other = await app.NewProduct("Live removal other").BuildAsync();
        var items = await product.BacklogItemsAsync(2);
        var otherItems = await other.BacklogItemsAsync(2);
        await using var dev = await LiveAsAsync(AppFixture.Dev);
        await dev.JoinAsync(product.Slug, LiveTopics.Backlog);

        await product.SendAsync(AppFixture.Admin, new RemoveMember(product.Slug, await UserIdAsync(AppFixture.Dev)));

        await dev.NextAccessChangeAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => dev.JoinAsync(product.Slug, LiveTopics.Backlog));
        Assert.Contains(LiveHub.NotFound, refused.Message, StringComparison.Ordinal);

        // The same connection follows another product; the removed one's move never reaches it.
        await dev.JoinAsync(other.Slug, LiveTopics.Backlog);
        await product.SendAsync(AppFixture.Po, new MoveBacklogItem(product.Slug, items[1], BacklogMove.Top));
        await other.SendAsync(AppFixture.Po, new MoveBacklogItem(other.Slug, otherItems[1], BacklogMove.Top));
        var heard = await dev.NextChangeAsync();
        Assert.Contains($"backlog-item:{otherItems[1]}", heard.Topics);
    }

    [Fact]
    public async Task A_member_whose_role_changes_to_stakeholder_stops_hearing_the_backlog()
    {
        var product = await app.NewProduct("Live demotion").BuildAsync();
        await product.RoadmapItem("Wallets").CreateAsync();
        var items = await product.BacklogItemsAsync(2);
        await using var dev = await LiveAsAsync(AppFixture.Dev);
        await dev.JoinAsync(product.Slug, LiveTopics.Home);

        await product.SendAsync(AppFixture.Admin, new SetMemberRole(product.Slug, AppFixture.Dev, ProductRole.Stakeholder));
        await dev.NextAccessChangeAsync();
        await dev.JoinAsync(product.Slug, LiveTopics.Home);

        await product.SendAsync(AppFixture.Po, new MoveBacklogItem(product.Slug, items[1], BacklogMove.Top));
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, null));
        Assert.Equal(["roadmap-published"], (await dev.NextChangeAsync()).Topics);
    }

    [Fact]
    public async Task A_connection_that_is_not_signed_in_is_refused()
    {
        using var anonymous = app.CreateClient();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => LiveClient.ConnectAsync(app.Factory, anonymous));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }
}
