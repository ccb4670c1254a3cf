using ProductRoles.Web.Domain.Roadmap;

namespace ProductRoles.Tests.Domain;

/// <summary>What the published roadmap says changed since the previous publish: added, moved (from → to), dropped.</summary>
public sealed class RoadmapChangesTests
{
    private static PublishedEntry E(int id, string title, RoadmapHorizon horizon) => new(id, title, horizon);

    [Fact]
    public void The_first_publish_has_no_changes()
    {
        Assert.Empty(RoadmapChanges.Between(null, [E(1, "One-page checkout", RoadmapHorizon.Now)]));
    }

    [Fact]
    public void The_same_roadmap_again_has_no_changes()
    {
        IReadOnlyList<PublishedEntry> roadmap = [E(1, "One-page checkout", RoadmapHorizon.Now), E(2, "Wallets", RoadmapHorizon.Later)];
        Assert.Empty(RoadmapChanges.Between(roadmap, roadmap));
    }

    [Fact]
    public void Added_moved_and_dropped_items_are_told_apart_with_their_horizons()
    {
        var changes = RoadmapChanges.Between(
            [E(1, "One-page checkout", RoadmapHorizon.Now), E(2, "Wallets", RoadmapHorizon.Later), E(3, "Gift cards", RoadmapHorizon.Next)],
            [E(1, "One-page checkout", RoadmapHorizon.Now), E(2, "Wallets", RoadmapHorizon.Next), E(4, "Refunds in one click", RoadmapHorizon.Later)]);

        Assert.Equal(
        [
            new RoadmapChange(RoadmapChangeKind.Added, 4, "Refunds in one click", null, RoadmapHorizon.Later),
            new RoadmapChange(RoadmapChangeKind.Moved, 2, "Wallets", RoadmapHorizon.Later, RoadmapHorizon.Next),
            new RoadmapChange(RoadmapChangeKind.Dropped, 3, "Gift cards", RoadmapHorizon.Next, null),
        ], changes);
    }

    [Fact]
    public void A_renamed_item_is_the_same_item_and_a_move_shows_its_new_heading()
    {
        var changes = RoadmapChanges.Between([E(7, "Wallet pay", RoadmapHorizon.Later)], [E(7, "Pay with a wallet", RoadmapHorizon.Now)]);

        Assert.Equal([new RoadmapChange(RoadmapChangeKind.Moved, 7, "Pay with a wallet", RoadmapHorizon.Later, RoadmapHorizon.Now)], changes);
    }

    [Fact]
    public void A_dropped_item_shows_the_heading_it_last_had()
    {
        var changes = RoadmapChanges.Between([E(7, "Wallet pay", RoadmapHorizon.Later)], []);

        Assert.Equal([new RoadmapChange(RoadmapChangeKind.Dropped, 7, "Wallet pay", RoadmapHorizon.Later, null)], changes);
    }

    [Fact]
    public void A_new_order_within_a_horizon_is_not_news()
    {
        var changes = RoadmapChanges.Between(
            [E(1, "A", RoadmapHorizon.Now), E(2, "B", RoadmapHorizon.Now)],
            [E(2, "B", RoadmapHorizon.Now), E(1, "A", RoadmapHorizon.Now)]);

        Assert.Empty(changes);
    }

    [Fact]
    public void Changes_come_added_then_moved_then_dropped_each_by_horizon_then_heading()
    {
        var changes = RoadmapChanges.Between(
            [E(1, "Zeta", RoadmapHorizon.Later), E(2, "Alpha", RoadmapHorizon.Now), E(5, "Old later", RoadmapHorizon.Later), E(6, "Old now", RoadmapHorizon.Now)],
            [E(1, "Zeta", RoadmapHorizon.Now), E(2, "Alpha", RoadmapHorizon.Next), E(3, "New later", RoadmapHorizon.Later), E(4, "New now b", RoadmapHorizon.Now),
             E(8, "New now a", RoadmapHorizon.Now)]);

        Assert.Equal(
            ["Added New now a", "Added New now b", "Added New later", "Moved Zeta", "Moved Alpha", "Dropped Old now", "Dropped Old later"],
            changes.Select(c => $"{c.Kind} {c.Title}"));
    }
}
