using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.Scale;

/// <summary>
/// A bulk edit is one statement per field, not one per item: editing 1,000 selected items sends the
/// statements editing 10 does, and every item still gets its change, its version bump and its history rows.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BulkEditAtSizeTests(AppFixture app)
{
    private const string UpdateItems = "UPDATE \"BacklogItems\"";
    private const string InsertHistory = "INSERT INTO \"Activities\"";

    [Fact]
    public async Task Tagging_1000_items_sends_as_many_statements_as_tagging_10()
    {
        var (product, ten, thousand, _) = await BuildAsync("Bulk tag at size");
        await EditAsync(product, ten[..2], "warmup", null, null); // compiled queries, the subscription cache

        var atTen = await StatementsAsync(() => EditAsync(product, ten, "vat", null, null));
        var atThousand = await StatementsAsync(() => EditAsync(product, thousand, "vat", null, null));

        Assert.Equal(atTen, atThousand);
        var tagged = await app.QueryAsync(db => db.BacklogItemTags.CountAsync(t => t.Name == "vat" && t.BacklogItem!.ProductId == product.Id));
        Assert.Equal(1_010, tagged);
        var counted = await app.QueryAsync(db => db.ProductTags.Where(t => t.ProductId == product.Id && t.Name == "vat").Select(t => t.ItemCount).SingleAsync());
        Assert.Equal(1_010, counted);
    }

    [Fact]
    public async Task Setting_the_status_and_roadmap_item_of_1000_items_updates_them_and_writes_their_history_in_one_statement_per_field()
    {
        var (product, ten, thousand, roadmapId) = await BuildAsync("Bulk status at size");
        await EditAsync(product, ten[..2], null, BacklogItemStatus.Ready, null);

        var (tenUpdates, tenHistory) = await WritesAsync(product, ten, roadmapId);
        var (thousandUpdates, thousandHistory) = await WritesAsync(product, thousand, roadmapId);

        // The version bump, the status and the roadmap item; a history INSERT for each of the two fields.
        Assert.Equal((3, 2), (tenUpdates, tenHistory));
        Assert.Equal((tenUpdates, tenHistory), (thousandUpdates, thousandHistory));

        var items = await app.QueryAsync(db => db.BacklogItems.Where(i => thousand.Contains(i.Id))
            .Select(i => new { i.Status, i.RoadmapItemId, i.Version }).ToListAsync());
        Assert.All(items, i => Assert.Equal((BacklogItemStatus.InProgress, (int?)null, 2), (i.Status, i.RoadmapItemId, i.Version)));
        var history = await app.QueryAsync(db => db.Activities
            .Where(a => a.ProductId == product.Id && a.Action == "Updated" && a.EntityType == nameof(BacklogItem))
            .Select(a => new { a.Id, a.EntityId, a.EntityLabel, a.Field, a.OldValue, a.NewValue }).ToListAsync());
        var one = thousand[500].ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            [("Status", "New", "Planned"), ("RoadmapItemId", null, "Bulk target"), ("Status", "Planned", "In progress"), ("RoadmapItemId", "Bulk target", null)],
            history.Where(h => h.EntityId == one).OrderBy(h => h.Id).Select(h => (h.Field, h.OldValue, h.NewValue)));
        Assert.All(history.Where(h => h.EntityId == one), h => Assert.Equal($"#{one} Story 511", h.EntityLabel));
        Assert.Equal((4 * 1_010) + 2, history.Count); // and the warm-up's two status rows
    }

    [Fact]
    public async Task A_bulk_edit_leaves_done_items_done_and_items_already_changed_untouched()
    {
        var (product, ten, _, roadmapId) = await BuildAsync("Bulk skips", thousand: 0);
        await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == ten[0]).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, BacklogItemStatus.Done)));

        await EditAsync(product, ten, "vat", BacklogItemStatus.Ready, roadmapId);
        await EditAsync(product, ten, "vat", BacklogItemStatus.Ready, roadmapId); // nothing left to change

        var items = await app.QueryAsync(db => db.BacklogItems.Where(i => ten.Contains(i.Id)).OrderBy(i => i.Id)
            .Select(i => new { i.Status, i.Version, Tags = i.Tags.Count(t => t.Name == "vat") }).ToListAsync());
        Assert.Equal((BacklogItemStatus.Done, 1, 1), (items[0].Status, items[0].Version, items[0].Tags)); // tagged and linked, still Done
        Assert.All(items.Skip(1), i => Assert.Equal((BacklogItemStatus.Ready, 1, 1), (i.Status, i.Version, i.Tags)));
    }

    private Task<int> EditAsync(TestProduct product, int[] ids, string? tag, BacklogItemStatus? status, int? roadmapId) =>
        product.SendAsync(AppFixture.Po, new BulkEditBacklogItems(product.Slug, ids, tag, status, roadmapId, false));

    private async Task<long> StatementsAsync(Func<Task<int>> edit)
    {
        app.Factory.SqlCommands.Reset();
        await edit();
        return app.Factory.SqlCommands.Count;
    }

    /// <summary>
    /// Two edits of the same two fields: the UPDATEs of the first (to Planned, onto the roadmap item) and the
    /// history INSERTs of the second (to In progress, off it) are counted.
    /// </summary>
    private async Task<(long Updates, long History)> WritesAsync(TestProduct product, int[] ids, int roadmapId)
    {
        var counter = app.Factory.SqlCommands;
        try
        {
            counter.Watching = UpdateItems;
            counter.Reset();
            await EditAsync(product, ids, null, BacklogItemStatus.Planned, roadmapId);
            var updates = counter.WatchedCount;
            counter.Watching = InsertHistory;
            counter.Reset();
            await product.SendAsync(AppFixture.Po, new BulkEditBacklogItems(product.Slug, ids, null, BacklogItemStatus.InProgress, null, true));
            return (updates, counter.WatchedCount);
        }
        finally
        {
            counter.Watching = null;
        }
    }

    /// <summary>A product with 10 and 1,000 items (New, no tags), written straight into the database, and a roadmap item.</summary>
    private async Task<(TestProduct Product, int[] Ten, int[] Thousand, int RoadmapId)> BuildAsync(string name, int thousand = 1_000)
    {
        var product = await app.NewProduct(name).WithMembers((AppFixture.Po, ProductRole.ProductOwner), (AppFixture.Pm, ProductRole.ProductManager)).BuildAsync();
        var roadmapId = await product.RoadmapItem("Bulk target").CreateAsync();
        var ids = await app.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var ranks = RankKey.Spread(10 + thousand);
            var items = Enumerable.Range(0, 10 + thousand).Select(n => new BacklogItem
            {
                ProductId = product.Id, Type = BacklogItemType.Story, Title = $"Story {n + 1}", Estimate = 3,
                Status = BacklogItemStatus.New, Rank = ranks[n], CreatedAt = now, UpdatedAt = now,
            }).ToList();
            db.BacklogItems.AddRange(items);
            await db.SaveChangesAsync();
            return items.ConvertAll(i => i.Id);
        });
        return (product, [.. ids.Take(10)], [.. ids.Skip(10)], roadmapId);
    }
}
