using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;

namespace ProductRoles.Web.Data;

/// <summary>
/// Keeps <see cref="ProductTag"/> counts and <see cref="Product.BacklogItemCount"/> in step with the
/// backlog, in the transaction of the save that changes it: the tags added to and removed from items and
/// the items added and deleted, read from the change tracker before the save, written after it as one
/// statement of relative updates (so two saves never lose each other's counts). Set-based deletes that
/// bypass the tracker call <see cref="ForgetItemsSql"/> first.
/// </summary>
public sealed class BacklogTally
{
    private readonly Dictionary<(int ProductId, string Name), int> _tags = [];
    private readonly Dictionary<int, int> _items = [];

    public bool IsEmpty => _tags.Count == 0 && _items.Count == 0;

    public static BacklogTally Capture(ChangeTracker tracker)
    {
        var tally = new BacklogTally();
        foreach (var entry in tracker.Entries())
        {
            var delta = entry.State switch
            {
                EntityState.Added => 1,
                EntityState.Deleted => -1,
                _ => 0,
            };
            if (delta == 0)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case BacklogItem item:
                    tally._items[item.ProductId] = tally._items.GetValueOrDefault(item.ProductId) + delta;
                    break;
                case BacklogItemTag tag when ProductOf(tracker, tag) is { } productId:
                    var key = (productId, tag.Name);
                    tally._tags[key] = tally._tags.GetValueOrDefault(key) + delta;
                    break;
                case BacklogItemTag tag:
                    throw new InvalidOperationException(
                        $"A tag of backlog item #{tag.BacklogItemId} was saved without its item loaded: its product's tag count cannot be kept.");
            }
        }

        foreach (var zero in tally._tags.Where(t => t.Value == 0).Select(t => t.Key).ToList())
        {
            tally._tags.Remove(zero);
        }

        foreach (var zero in tally._items.Where(t => t.Value == 0).Select(t => t.Key).ToList())
        {
            tally._items.Remove(zero);
        }

        return tally;
    }

    /// <summary>A set-based write's tag change (one tag added to or taken off <paramref name="delta"/> items), applied as a save's would be.</summary>
    public static BacklogTally ForTag(int productId, string name, int delta)
    {
        var tally = new BacklogTally();
        if (delta != 0)
        {
            tally._tags[(productId, name)] = delta;
        }

        return tally;
    }

    private static int? ProductOf(ChangeTracker tracker, BacklogItemTag tag) =>
        tag.BacklogItem?.ProductId
        ?? tracker.Entries<BacklogItem>().FirstOrDefault(e => e.Entity.Id == tag.BacklogItemId)?.Entity.ProductId;

    /// <summary>Applies the counted changes: one command, run inside the save's transaction.</summary>
    public Task ApplyAsync(AppDbContext db, CancellationToken cancellationToken) => Build().ExecuteAsync(db, cancellationToken);

    public void Apply(AppDbContext db) => Build().Execute(db);

    // A tag no item carries any more leaves the product's choices.
    private CounterSql Build()
    {
        var sql = new CounterSql();
        foreach (var ((productId, name), delta) in _tags)
        {
            sql.AddToKeyedCount("ProductTags", "Name", productId, name, delta, dropAtZero: true);
        }

        foreach (var (productId, delta) in _items)
        {
            sql.AddToProductColumn("BacklogItemCount", productId, delta);
        }

        return sql;
    }

    /// <summary>
    /// For a set-based delete of the items an import created: takes their tags and themselves off the
    /// counts, before the delete (the rows are still there to count). One statement; {0} is the import's id.
    /// </summary>
    public const string ForgetItemsSql = """
        UPDATE "ProductTags" SET "ItemCount" = "ItemCount" - (
            SELECT COUNT(*) FROM "BacklogItemTags" t INNER JOIN "BacklogItems" i ON i."Id" = t."BacklogItemId"
            WHERE i."ImportId" = {0} AND i."ProductId" = "ProductTags"."ProductId" AND t."Name" = "ProductTags"."Name")
        WHERE "ProductId" IN (SELECT "ProductId" FROM "BacklogItems" WHERE "ImportId" = {0});
        DELETE FROM "ProductTags" WHERE "ItemCount" <= 0 AND "ProductId" IN (SELECT "ProductId" FROM "BacklogItems" WHERE "ImportId" = {0});
        UPDATE "Products" SET "BacklogItemCount" = "BacklogItemCount" - (SELECT COUNT(*) FROM "BacklogItems" i WHERE i."ImportId" = {0} AND i."ProductId" = "Products"."Id")
        WHERE "Id" IN (SELECT "ProductId" FROM "BacklogItems" WHERE "ImportId" = {0});
        """;

    /// <summary>Counts everything afresh from the items (the migration's backfill, and a bulk load's).</summary>
    public const string RecountSql = """
        DELETE FROM "ProductTags";
        INSERT INTO "ProductTags" ("ProductId", "Name", "ItemCount")
            SELECT i."ProductId", t."Name", COUNT(*) FROM "BacklogItemTags" t INNER JOIN "BacklogItems" i ON i."Id" = t."BacklogItemId"
            GROUP BY i."ProductId", t."Name";
        UPDATE "Products" SET "BacklogItemCount" = (SELECT COUNT(*) FROM "BacklogItems" i WHERE i."ProductId" = "Products"."Id");
        """;
}
