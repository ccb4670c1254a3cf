using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;

namespace ProductRoles.Web.Features.Account;

/// <summary>
/// Counts wrong passwords in the database itself. Identity's own counting reads the user, adds one
/// and saves, so concurrent guesses overwrite each other's count (11 got through before the lock).
/// Here each failure is one compare-and-set UPDATE: it only applies if the count and the lockout are
/// still what this request read, and is retried otherwise, so exactly the limit's failures lock.
/// </summary>
internal sealed class FailedSignIns(AppDbContext db, TimeProvider clock, int limit, TimeSpan lockoutFor)
{
    /// <summary>Guesses against the same account queue behind each other; this many rounds is far more than ever needed.</summary>
    private const int MaxRounds = 100;

    /// <summary>Counts one failure, unless the account is already locked; answers whether it is locked now.</summary>
    public async Task<bool> CountAsync(string userId, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var seen = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.AccessFailedCount, u.LockoutEnd, u.LockoutEnabled })
                .SingleOrDefaultAsync(cancellationToken);
            var now = clock.GetUtcNow();
            if (seen is null || !seen.LockoutEnabled)
            {
                return false;
            }

            if (seen.LockoutEnd > now)
            {
                // A locked account counts nothing more: the lock runs its 15 minutes from the fifth failure.
                // The empty UPDATE keeps its answer as quick as an unknown email's.
                await UpdateNoRowAsync(cancellationToken);
                return true;
            }

            // A lock that has run out starts the count again.
            var count = (seen.LockoutEnd is null ? seen.AccessFailedCount : 0) + 1;
            var locks = count >= limit;
            DateTimeOffset? lockoutEnd = locks ? now + lockoutFor : null;
            var seenCount = seen.AccessFailedCount;
            var seenEnd = seen.LockoutEnd;
            var applied = await db.Users
                .Where(u => u.Id == userId && u.AccessFailedCount == seenCount && u.LockoutEnd == seenEnd)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(u => u.AccessFailedCount, count)
                    .SetProperty(u => u.LockoutEnd, lockoutEnd)
                    // A UserManager save still holding the old stamp must fail rather than write the old count back.
                    .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()), cancellationToken);
            if (applied == 1)
            {
                return locks;
            }
        }

        throw new InvalidOperationException($"Could not count a failed sign-in for user {userId}.");
    }

    /// <summary>The same read and UPDATE for an unknown email, matching no row, so that its answer takes as long.</summary>
    public async Task CountForNobodyAsync(CancellationToken cancellationToken)
    {
        var nobody = Guid.NewGuid().ToString();
        _ = await db.Users.AsNoTracking().Where(u => u.Id == nobody)
            .Select(u => new { u.AccessFailedCount, u.LockoutEnd, u.LockoutEnabled })
            .SingleOrDefaultAsync(cancellationToken);
        await UpdateNoRowAsync(cancellationToken);
    }

    private Task<int> UpdateNoRowAsync(CancellationToken cancellationToken)
    {
        var nobody = Guid.NewGuid().ToString();
        return db.Users.Where(u => u.Id == nobody && u.AccessFailedCount == 0 && u.LockoutEnd == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.AccessFailedCount, 1)
                .SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null)
                .SetProperty(u => u.ConcurrencyStamp, nobody), cancellationToken);
    }

    public async Task<bool> IsLockedOutAsync(string userId, CancellationToken cancellationToken)
    {
        var end = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.LockoutEnabled)
            .Select(u => u.LockoutEnd).SingleOrDefaultAsync(cancellationToken);
        return end > clock.GetUtcNow();
    }

    public Task ResetAsync(string userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId && (u.AccessFailedCount != 0 || u.LockoutEnd != null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.AccessFailedCount, 0)
                .SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null)
                .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()), cancellationToken);
}
