using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Infrastructure.Leases;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>
/// Rewrites a product's rank keys evenly (<see cref="RankKey.Spread"/>) once some key has grown past
/// <see cref="RankKey.RebalanceLength"/> after many moves into the same gap. The order does not change;
/// it is not a user's move, so it writes no history.
/// </summary>
public static class BacklogRebalancing
{
    /// <summary>Rebalances every product that needs it; returns how many products were rebalanced.</summary>
    public static async Task<int> RebalanceAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var products = await db.BacklogItems.AsNoTracking().Where(i => i.Rank.Length > RankKey.RebalanceLength)
            .Select(i => i.ProductId).Distinct().ToListAsync(cancellationToken);
        foreach (var productId in products)
        {
            await RebalanceProductAsync(db, productId, cancellationToken);
        }

        return products.Count;
    }

    private static async Task RebalanceProductAsync(AppDbContext db, int productId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await db.BacklogItems.AsNoTracking().Where(i => i.ProductId == productId).OrderBy(i => i.Rank)
            .Select(i => i.Id).ToListAsync(cancellationToken);
        var keys = RankKey.Spread(ids.Count);
        // Step aside first ('~' sorts after every base-62 digit), so no new key meets an old one in the unique index.
        await db.BacklogItems.Where(i => i.ProductId == productId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Rank, i => "~" + i.Rank), cancellationToken);
        for (var n = 0; n < ids.Count; n++)
        {
            var id = ids[n];
            var key = keys[n];
            await db.BacklogItems.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Rank, key), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>
/// The background step: looks for long keys now and then and rebalances only when some exist. Moves
/// never wait for it (a move re-spreads its own neighbourhood when it must); it only tidies up. It
/// runs on one app instance at a time, holding the <see cref="Lease"/> lease.
/// </summary>
public sealed class BacklogRankRebalancer(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<BacklogRankRebalancer> logger)
    : LeasedBackgroundService(scopes, clock, logger)
{
    public const string Lease = "backlog-rank-rebalance";

    protected override string LeaseName => Lease;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(configuration.GetValue("Backlog:RebalanceMinutes", 10.0));

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var rebalanced = await BacklogRebalancing.RebalanceAsync(services.GetRequiredService<AppDbContext>(), cancellationToken);
        if (rebalanced > 0)
        {
            logger.LogInformation("Rebalanced the backlog rank keys of {Count} products", rebalanced);
        }
    }
}
