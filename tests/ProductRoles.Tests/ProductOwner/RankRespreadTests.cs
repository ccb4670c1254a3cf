using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.ProductOwner;

/// <summary>
/// After many moves into one gap its neighbours' keys are long; the next move into it spreads the
/// neighbourhood out in the same transaction instead of writing a key past the limit, keeps
/// everyone's order, and records only the user's move. A normal move writes one row.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RankRespreadTests(AppFixture app)
{
    private const string Slug = AppFixture.DemoSlug;

    [Fact]
    public async Task A_move_into_a_gap_whose_keys_are_long_re_spreads_the_neighbourhood_and_writes_no_long_key()
    {
        var before = await BacklogAsync();
        // Items 20 and 21 get keys a long way down one gap, as hundreds of moves between them would leave.
        var (first, second) = LongKeysBetween(before[19].Rank, before[22].Rank);
        await SetBacklogRankAsync(before[20].Id, first);
        await SetBacklogRankAsync(before[21].Id, second);
        var moved = before[40].Id;
        var lastActivity = await app.QueryAsync(db => db.Activities.MaxAsync(a => a.Id));

        var result = await app.AsUserAsync(AppFixture.Po, s => s.Send(new MoveBacklogItem(Slug, moved, BacklogMove.ToPosition, 22)));

        var after = await BacklogAsync();
        Assert.Equal(new MoveResult(41, 22), result);
        var expected = before.Select(b => b.Id).Where(id => id != moved).ToList();
        expected.Insert(21, moved);
        Assert.Equal(expected, after.Select(a => a.Id));
        Assert.All(after, a => Assert.True(RankKey.IsValid(a.Rank) && a.Rank.Length <= RankKey.RespreadLength, a.Rank));
        // The neighbourhood was rewritten (the long keys are gone), a small one, and only rank keys changed there.
        var rewritten = after.Where(a => a.Id != moved && before.Single(b => b.Id == a.Id).Rank != a.Rank && a.Id != before[20].Id && a.Id != before[21].Id).ToList();
        Assert.DoesNotContain(after, a => a.Rank == first || a.Rank == second);
        Assert.InRange(rewritten.Count, 0, 2 * RankNeighbourhood.Radii[1]);
        Assert.All(after.Where(a => a.Id != moved), a => Assert.Equal(before.Single(b => b.Id == a.Id).Version, a.Version));
        // One history row: the user's move; the re-spread is bookkeeping.
        var history = Assert.Single(await app.QueryAsync(db => db.Activities.Where(a => a.Id > lastActivity).ToListAsync()));
        Assert.Equal(("Moved", "41", "22"), (history.Action, history.OldValue, history.NewValue));

        await app.AsUserAsync(AppFixture.Po, s => s.Send(new MoveBacklogItem(Slug, moved, BacklogMove.ToPosition, 41)));
    }

    [Fact]
    public async Task An_ordinary_move_writes_only_the_moved_item()
    {
        var before = await BacklogAsync();
        var moved = before[70].Id;

        await app.AsUserAsync(AppFixture.Po, s => s.Send(new MoveBacklogItem(Slug, moved, BacklogMove.ToPosition, 12)));

        var after = await BacklogAsync();
        Assert.Equal([moved], after.Where(a => !before.Contains(a)).Select(a => a.Id));
        await app.AsUserAsync(AppFixture.Po, s => s.Send(new MoveBacklogItem(Slug, moved, BacklogMove.ToPosition, 71)));
    }

    [Fact]
    public async Task A_roadmap_move_into_a_gap_whose_keys_are_long_re_spreads_it_too()
    {
        var ids = new List<int>();
        foreach (var title in new[] { "Gap A", "Gap B", "Gap C", "Gap D" })
        {
            ids.Add(await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveRoadmapItem(Slug, 0, title, "Outcome", RoadmapHorizon.Later, null,
                RoadmapItemStatus.Planned, 10, 1, 50, 1, null, [], [], 0))));
        }

        var later = await RoadmapAsync();
        var (first, second) = LongKeysBetween(later[^4].Rank, later[^1].Rank);
        await app.QueryAsync(db => db.RoadmapItems.Where(i => i.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(i => i.Rank, first)));
        await app.QueryAsync(db => db.RoadmapItems.Where(i => i.Id == ids[2]).ExecuteUpdateAsync(s => s.SetProperty(i => i.Rank, second)));
        var version = later.Single(i => i.Id == ids[3]).Version;

        // D goes between B and C, whose keys leave no short key between them.
        await app.AsUserAsync(AppFixture.Pm, s => s.Send(new MoveRoadmapItem(Slug, ids[3], RoadmapHorizon.Later, ids[2], version)));

        var after = await RoadmapAsync();
        Assert.Equal([ids[0], ids[1], ids[3], ids[2]], after.TakeLast(4).Select(i => i.Id));
        Assert.Equal(later.Take(later.Count - 4).Select(i => i.Id), after.Take(after.Count - 4).Select(i => i.Id));
        Assert.All(after, i => Assert.True(RankKey.IsValid(i.Rank) && i.Rank.Length <= RankKey.RespreadLength, i.Rank));
        Assert.Equal(after.Count, after.Select(i => i.Rank).Distinct(StringComparer.Ordinal).Count());
    }

    private static (string First, string Second) LongKeysBetween(string lower, string upper)
    {
        var stem = RankKey.Between(lower, upper) + new string('0', RankKey.RespreadLength);
        var (first, second) = (stem + "1", stem + "2");
        Assert.True(string.CompareOrdinal(lower, first) < 0 && string.CompareOrdinal(second, upper) < 0 && RankKey.IsValid(first) && RankKey.IsValid(second));
        return (first, second);
    }

    private Task<int> SetBacklogRankAsync(int id, string rank) =>
        app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Rank, rank)));

    private Task<List<(int Id, string Rank, int Version)>> BacklogAsync() => app.QueryAsync(async db =>
        (await db.BacklogItems.Where(i => db.Products.Any(p => p.Slug == Slug && p.Id == i.ProductId))
            .Select(i => new { i.Id, i.Rank, i.Version }).ToListAsync())
        .OrderBy(i => i.Rank, StringComparer.Ordinal).Select(i => (i.Id, i.Rank, i.Version)).ToList());

    private Task<List<(int Id, string Rank, int Version)>> RoadmapAsync() => app.QueryAsync(async db =>
        (await db.RoadmapItems.Where(i => i.Horizon == RoadmapHorizon.Later && db.Products.Any(p => p.Slug == Slug && p.Id == i.ProductId))
            .Select(i => new { i.Id, i.Rank, i.Version }).ToListAsync())
        .OrderBy(i => i.Rank, StringComparer.Ordinal).Select(i => (i.Id, i.Rank, i.Version)).ToList());
}
