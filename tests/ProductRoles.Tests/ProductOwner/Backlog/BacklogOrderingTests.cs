using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.ProductOwner.Backlog;

/// <summary>Ordering the backlog, each test in a product of its own with a backlog of <see cref="Items"/> items.</summary>
[Collection(AppCollection.Name)]
public sealed class BacklogOrderingTests(AppFixture app)
{
    private const int Items = 16;

    private async Task<TestProduct> ProductWithBacklogAsync()
    {
        var product = await app.NewProduct("Ordering").BuildAsync();
        await product.BacklogItemsAsync(Items);
        return product;
    }

    private Task<List<(int Id, string Rank, int Version)>> SnapshotAsync(TestProduct product) => app.QueryAsync(async db =>
        (await db.BacklogItems.Where(i => i.ProductId == product.Id)
            .Select(i => new { i.Id, i.Rank, i.Version }).ToListAsync())
        .OrderBy(i => i.Rank, StringComparer.Ordinal).Select(i => (i.Id, i.Rank, i.Version)).ToList());

    [Fact]
    public async Task A_move_to_position_N_updates_exactly_one_backlog_row_and_records_the_move_with_its_reason()
    {
        var product = await ProductWithBacklogAsync();
        var before = await SnapshotAsync(product);
        var moved = before[11].Id;
        var lastActivity = await app.QueryAsync(db => db.Activities.MaxAsync(a => a.Id));

        var result = await product.SendAsync(AppFixture.Po, new MoveBacklogItem(product.Slug, moved, BacklogMove.ToPosition, 5, "Customer escalation"));

        var after = await SnapshotAsync(product);
        Assert.Equal(new MoveResult(12, 5), result);
        Assert.Equal(before.Count, after.Count);
        var changed = after.Where(a => !before.Contains(a)).ToList();
        Assert.Equal([moved], changed.Select(c => c.Id));
        Assert.Equal(moved, after[4].Id);
        // Everyone else keeps their relative order.
        Assert.Equal(before.Where(b => b.Id != moved).Select(b => b.Id), after.Where(a => a.Id != moved).Select(a => a.Id));
        // Exactly one history row, in the user's words: the positions and the reason, not the rank key.
        var history = Assert.Single(await app.QueryAsync(db => db.Activities.Where(a => a.Id > lastActivity && a.ProductId == product.Id).ToListAsync()));
        Assert.Equal(("BacklogItem", moved.ToString(CultureInfo.InvariantCulture), "Moved", "Position"),
            (history.EntityType, history.EntityId, history.Action, history.Field));
        Assert.Equal(("12", "5", "Customer escalation"), (history.OldValue, history.NewValue, history.Note));
    }

    [Fact]
    public async Task Up_down_top_and_bottom_move_the_item_by_one_place_or_to_the_ends()
    {
        var product = await ProductWithBacklogAsync();
        var before = await SnapshotAsync(product);
        var item = before[6].Id;
        Task<MoveResult> MoveAsync(BacklogMove move) => product.SendAsync(AppFixture.Po, new MoveBacklogItem(product.Slug, item, move));

        Assert.Equal(new MoveResult(7, 6), await MoveAsync(BacklogMove.Up));
        Assert.Equal(new MoveResult(6, 7), await MoveAsync(BacklogMove.Down));
        Assert.Equal(new MoveResult(7, before.Count), await MoveAsync(BacklogMove.Bottom));
        Assert.Equal(item, (await SnapshotAsync(product))[^1].Id);
        Assert.Equal(new MoveResult(before.Count, 1), await MoveAsync(BacklogMove.Top));
        Assert.Equal(item, (await SnapshotAsync(product))[0].Id);
    }

    [Fact]
    public async Task Two_people_reordering_at_once_never_produce_duplicate_or_lost_positions()
    {
        var product = await ProductWithBacklogAsync();
        var before = await SnapshotAsync(product);
        var movers = before.Skip(8).Take(6).Select(b => b.Id).ToList();

        // Everyone drops their item at position 3 at the same moment: they all read the same
        // neighbours, so all but one hit the unique (ProductId, Rank) index and must retry.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var moves = movers.Select(async id =>
        {
            await start.Task;
            await product.SendAsync(AppFixture.Po, new MoveBacklogItem(product.Slug, id, BacklogMove.ToPosition, 3));
        }).ToList();
        start.SetResult();
        await Task.WhenAll(moves);

        var after = await SnapshotAsync(product);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(after.Count, after.Select(a => a.Rank).Distinct(StringComparer.Ordinal).Count());
        Assert.All(after, a => Assert.True(RankKey.IsValid(a.Rank)));
        Assert.Equal(before.Select(b => b.Id).Order(), after.Select(a => a.Id).Order());
        // All of them landed together right below the two items that were on top, none lost.
        Assert.Equal(before.Take(2).Select(b => b.Id), after.Take(2).Select(a => a.Id));
        Assert.Equal(movers.Order(), after.Skip(2).Take(movers.Count).Select(a => a.Id).Order());
        var moveRows = await app.QueryAsync(db => db.Activities.CountAsync(a => a.Action == "Moved" && movers.Select(m => m.ToString(CultureInfo.InvariantCulture)).Contains(a.EntityId)));
        Assert.True(moveRows >= movers.Count);
    }

    [Fact]
    public async Task A_position_beyond_the_end_is_refused_beside_the_field_and_nothing_moves()
    {
        var product = await ProductWithBacklogAsync();
        var before = await SnapshotAsync(product);
        var client = await app.SharedClientAsync(AppFixture.Po);
        var page = await client.GetPageAsync($"{product.Url}/backlog/{before[10].Id}");

        using var response = await client.SubmitAsync(page, "#move-form",
            new Dictionary<string, string> { ["move"] = "ToPosition", ["position"] = "100000" });

        var result = await TestClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"The backlog has {before.Count} items", result.FieldError("Move.Position"));
        Assert.Equal(before, await SnapshotAsync(product));
    }

    [Fact]
    public async Task The_no_JS_list_form_moves_an_item_to_the_top_and_shows_where_it_went()
    {
        var product = await ProductWithBacklogAsync();
        var before = await SnapshotAsync(product);
        var client = await app.SharedClientAsync(AppFixture.Po);
        var page = await client.GetPageAsync($"{product.Url}/backlog");
        var row = before[5].Id;

        using var response = await client.SubmitAsync(page, "#backlog-form", new Dictionary<string, string> { ["move"] = $"{row}:Top" });
        var result = await client.FollowAsync(response);

        Assert.Contains($"#{row} moved from position 6 to 1", result.Text("[role=status]"));
        Assert.Equal(row, (await SnapshotAsync(product))[0].Id);
    }

    [Fact]
    public async Task The_history_shows_a_move_as_one_readable_line_with_its_reason_and_never_a_rank_key()
    {
        var product = await ProductWithBacklogAsync();
        var before = await SnapshotAsync(product);
        var item = before[10].Id;
        var po = await app.SharedClientAsync(AppFixture.Po);
        var page = await po.GetPageAsync($"{product.Url}/backlog/{item}");

        using var response = await po.SubmitAsync(page, "#move-form",
            new Dictionary<string, string> { ["move"] = "ToPosition", ["position"] = "3", ["reason"] = "Demo on Friday" });
        var itemPage = await po.FollowAsync(response);

        var line = itemPage.QuerySelectorAll(".history li").First();
        Assert.Contains("moved backlog item", line.TextContent, StringComparison.Ordinal);
        Assert.Equal(("11", "3"), (line.QuerySelector("del")!.TextContent, line.QuerySelector("ins")!.TextContent));
        Assert.Contains("Reason: Demo on Friday", line.TextContent, StringComparison.Ordinal);
        var history = await po.GetPageAsync($"{product.Url}/history");
        var lines = history.QuerySelectorAll(".history li").Select(l => l.TextContent).ToList();
        Assert.Contains($"#{item}", lines[0], StringComparison.Ordinal);
        Assert.Contains("position", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains(": rank", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rebalancing_rewrites_long_keys_evenly_in_the_same_order_and_only_when_some_key_is_long()
    {
        var product = await ProductWithBacklogAsync();
        // The step works across all products: first it tidies whatever other tests left behind.
        await app.QueryAsync(db => BacklogRebalancing.RebalanceAsync(db, CancellationToken.None));
        var before = await SnapshotAsync(product);
        Assert.Equal(0, await app.QueryAsync(db => BacklogRebalancing.RebalanceAsync(db, CancellationToken.None)));
        Assert.Equal(before, await SnapshotAsync(product));

        // A key far longer than RebalanceLength, still between its neighbours.
        var (id, rank, _) = before[10];
        var longKey = rank + new string('V', RankKey.RebalanceLength + 5);
        Assert.True(string.CompareOrdinal(longKey, before[11].Rank) < 0);
        await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Rank, longKey)));

        var rebalanced = await app.QueryAsync(db => BacklogRebalancing.RebalanceAsync(db, CancellationToken.None));

        var after = await SnapshotAsync(product);
        Assert.Equal(1, rebalanced);
        Assert.Equal(before.Select(b => b.Id), after.Select(a => a.Id));
        Assert.All(after, a => Assert.True(a.Rank.Length <= RankKey.RebalanceLength && RankKey.IsValid(a.Rank)));
        Assert.Equal(RankKey.Spread(after.Count), after.Select(a => a.Rank));
        Assert.Equal(0, await app.QueryAsync(db => BacklogRebalancing.RebalanceAsync(db, CancellationToken.None)));
    }
}
