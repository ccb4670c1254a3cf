using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Leases;
using ProductRoles.Web.Data.Ranking;

namespace ProductRoles.Web.Infrastructure.Leases;

/// <summary>
/// A lease in the database, so that a background job (the rank rebalancer, later the outboxes)
/// runs on at most one app instance at a time. Taking and renewing is one conditional statement
/// each: an UPDATE that only matches while the lease is the caller's or has expired, else an INSERT
/// that the primary key lets only one instance win.
/// </summary>
public static class DatabaseLease
{
    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="holder"/> until <paramref name="now"/> +
    /// <paramref name="duration"/>, or renews it when the holder already has it. False while someone
    /// else holds it unexpired.
    /// </summary>
    public static async Task<bool> TryAcquireAsync(
        AppDbContext db, string name, string holder, TimeSpan duration, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var expiresAt = now + duration;
        var taken = await db.Set<Lease>()
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expiresAt), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.Set<Lease>().AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        var lease = db.Set<Lease>().Add(new Lease { Name = name, Holder = holder, ExpiresAt = expiresAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (RankAttempts.IsLostRace(ex))
        {
            // Another instance inserted it first.
            return false;
        }
        finally
        {
            lease.State = EntityState.Detached;
        }
    }

    /// <summary>Gives the lease up early (on shutdown), if <paramref name="holder"/> still has it.</summary>
    public static async Task ReleaseAsync(AppDbContext db, string name, string holder, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Set<Lease>().Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now), cancellationToken);
    }

    /// <summary>A holder name for this process: the machine and a random part, unique per app instance.</summary>
    public static string NewHolder() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}
