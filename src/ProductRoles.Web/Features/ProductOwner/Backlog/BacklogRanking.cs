using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Ranking;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>Reads neighbours in the backlog order; every read is one indexed query on (ProductId, Rank).</summary>
public static class BacklogRanking
{
    public const int MaxAttempts = 10;

    /// <summary>A key for a new item at the top or the bottom of the product's backlog.</summary>
    public static async Task<string> NewItemKeyAsync(AppDbContext db, int productId, bool onTop, CancellationToken cancellationToken)
    {
        var items = db.BacklogItems.AsNoTracking().Where(i => i.ProductId == productId);
        if (onTop)
        {
            var first = await items.OrderBy(i => i.Rank).Select(i => i.Rank).FirstOrDefaultAsync(cancellationToken);
            return RankKey.Between(null, first);
        }

        var last = await items.OrderByDescending(i => i.Rank).Select(i => i.Rank).FirstOrDefaultAsync(cancellationToken);
        return RankKey.Between(last, null);
    }

    /// <summary>
    /// <paramref name="count"/> keys in order at the top or bottom (for several new items in one step).
    /// </summary>
    public static async Task<IReadOnlyList<string>> NewItemKeysAsync(
        AppDbContext db, int productId, bool onTop, int count, CancellationToken cancellationToken)
    {
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
    public static async Task<int> PositionOfAsync(AppDbContext db, int productId, string rank, CancellationToken cancellationToken) =>
        await db.BacklogItems.CountAsync(i => i.ProductId == productId && string.Compare(i.Rank, rank) < 0, cancellationToken) + 1;
}
