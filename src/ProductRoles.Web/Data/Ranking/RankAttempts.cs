using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ProductRoles.Web.Data.Ranking;

/// <summary>
/// Runs a change to an order (a move, new items at an end) until it lands. Each attempt reads and
/// writes in one transaction: the caller's when there is one (then inside a savepoint, so a failed
/// attempt leaves nothing behind), else its own. An attempt that lost a race — someone took the same
/// key, or changed a row it read (the same item moved twice at once) — is rolled back and redone
/// from a fresh read, so the user never sees the race.
/// </summary>
public static class RankAttempts
{
    public const int MaxAttempts = 10;

    private const string Savepoint = "rank_attempt";

    public static async Task<T> RunAsync<T>(AppDbContext db, Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(attempt);
        for (var n = 1; ; n++)
        {
            var outer = db.Database.CurrentTransaction;
            await using var own = outer is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            if (outer is not null)
            {
                await outer.CreateSavepointAsync(Savepoint, cancellationToken);
            }

            try
            {
                var result = await attempt();
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }
                else
                {
                    await outer!.ReleaseSavepointAsync(Savepoint, cancellationToken);
                }

                return result;
            }
            catch (Exception ex) when ((IsLostRace(ex) || IsBusy(ex)) && n < MaxAttempts)
            {
                if (own is not null)
                {
                    await own.RollbackAsync(cancellationToken);
                }
                else
                {
                    await outer!.RollbackToSavepointAsync(Savepoint, cancellationToken);
                }

                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>A row changed since it was read, or a key was taken meanwhile (the unique index refused it).</summary>
    public static bool IsLostRace(Exception ex) => ex is DbUpdateConcurrencyException || (ex is DbUpdateException && ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    });

    // SQLite gave up waiting for the write lock (SQLITE_BUSY / SQLITE_LOCKED, after its busy timeout): try again.
    private static bool IsBusy(Exception ex) => (ex as SqliteException ?? ex.InnerException as SqliteException) is { SqliteErrorCode: 5 or 6 };
}
