using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Domain.Ranking;

namespace ProductRoles.Web.Data.Ranking;

/// <summary>
/// The backlog order in the database, for every area that puts items into it (the product owner's
/// backlog, feedback triage, closing a sprint). Every read is one indexed query on (ProductId, Rank).
/// </summary>
public static class BacklogOrder
{
    /// <summary>A key for a new item at the top or the bottom of the product's backlog.</summary>
    public static async Task<string> NewItemKeyAsync(AppDbContext db, int productId, bool onTop, CancellationToken cancellationToken) =>
        (await NewItemKeysAsync(db, productId, onTop, 1, cancellationToken))[0];

    /// <summary>
    /// <paramref name="count"/> keys in order at the top or bottom (for several new items in one step).
    /// The ends step the key's integer part, so these keys stay short whatever came before.
    /// </summary>
    public static async Task<IReadOnlyList<string>> NewItemKeysAsync(
        AppDbContext db, int productId, bool onTop, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = new List<string>(count);
        var items = db.BacklogItems.AsNoTracking().Where(i => i.ProductId == productId);
        if (onTop)
        {
            var after = await items.OrderBy(i => i.Rank).Select(i => i.Rank).FirstOrDefaultAsync(cancellationToken);
            for (var n = 0; n < count; n++)
            {
                // Each new key goes just above the previous one, so the first listed ends on top.
                after = RankKey.Between(null, after);
                keys.Insert(0, after);
            }

            return keys;
        }

        var before = await items.OrderByDescending(i => i.Rank).Select(i => i.Rank).FirstOrDefaultAsync(cancellationToken);
        for (var n = 0; n < count; n++)
        {
            before = RankKey.Between(before, null);
            keys.Add(before);
        }

        return keys;
    }

    /// <summary>The 1-based position of a rank in the product's order.</summary>
    public static async Task<int> PositionOfAsync(AppDbContext db, int productId, string rank, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.BacklogItems.CountAsync(i => i.ProductId == productId && string.Compare(i.Rank, rank) < 0, cancellationToken) + 1;
    }

    /// <summary>
    /// A key for item <paramref name="itemId"/> at <paramref name="gap"/> among the product's other
    /// <paramref name="others"/> items (0 = the top). Usually the key between its two neighbours;
    /// when that would be too long, the neighbourhood's keys are spread out here and now (written in
    /// the caller's transaction, no history: the order does not change) and the item gets one of them.
    /// </summary>
    public static async Task<RankPlacement> PlaceAsync(
        AppDbContext db, int productId, int itemId, string? oldKey, int gap, int others, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.BacklogItems.AsNoTracking().Where(i => i.ProductId == productId && i.Id != itemId).OrderBy(i => i.Rank);
        foreach (var radius in RankNeighbourhood.Radii)
        {
            var start = Math.Max(0, gap - radius - 1);
            var end = (int)Math.Min(others, (long)gap + radius + 1);
            var window = await rows.Skip(start).Take(end - start).Select(i => new RankedRow(i.Id, i.Rank)).ToListAsync(cancellationToken);
            var below = window.Take(gap - start).ToList();
            var above = window.Skip(gap - start).ToList();
            var placement = RankNeighbourhood.TryPlace(
                new RankWindow([.. below.Select(r => r.Rank)], [.. above.Select(r => r.Rank)], start == 0, end >= others), oldKey);
            if (placement is null)
            {
                continue;
            }

            var rewrites = below.TakeLast(placement.BelowKeys.Count).Zip(placement.BelowKeys)
                .Concat(above.Take(placement.AboveKeys.Count).Zip(placement.AboveKeys));
            foreach (var (row, key) in rewrites)
            {
                var written = await db.BacklogItems.Where(i => i.Id == row.Id && i.Rank == row.Rank)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Rank, key), cancellationToken);
                RankRewrites.EnsureOne(written);
            }

            return placement;
        }

        throw new InvalidOperationException("The whole backlog always has room.");
    }
}

/// <summary>An item's id and rank key, as read for a window of the order.</summary>
public sealed record RankedRow(int Id, string Rank);

public static class RankRewrites
{
    /// <summary>A neighbour's key is rewritten only while it still holds the key that was read; else the attempt lost a race.</summary>
    public static void EnsureOne(int written)
    {
        if (written != 1)
        {
            throw new DbUpdateConcurrencyException("A neighbour moved while its neighbourhood was being re-spread.");
        }
    }
}
