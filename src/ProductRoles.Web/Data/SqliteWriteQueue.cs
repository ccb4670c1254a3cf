namespace ProductRoles.Web.Data;

/// <summary>
/// The commands of one app process that write to SQLite take turns here, first come first served, before they take
/// the database's write lock. SQLite lets one writer in at a time and the others poll for the lock on the busy
/// timeout: whoever polls at the right moment wins, so under heavy load a writer could lose for half a minute and
/// fail with "database is locked" (64 clients of the load run on an overloaded machine: 4 of 590 requests). Queued
/// here, a writer waits only for those before it. Writers of other processes (a second instance on the same file)
/// still meet this one's on the busy timeout, as before. SQL Server locks rows, not the database: it does not queue.
/// </summary>
public sealed class SqliteWriteQueue : IDisposable
{
    // Whether this async flow holds the turn: a command sent while another's transaction is open must not wait for itself.
    private static readonly AsyncLocal<bool> HeldHere = new();

    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _waiting;

    /// <summary>Whether the caller holds the turn already (its work runs inside a queued command).</summary>
    public static bool IsHeld => HeldHere.Value;

    /// <summary>
    /// Waits for the turn. The caller marks its flow with <see cref="MarkHeld"/> once it has it (an async local set
    /// in here would not reach the caller) and gives it back with <see cref="Leave"/>.
    /// </summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _turn.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>How many writers wait for their turn now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public static void MarkHeld(bool held) => HeldHere.Value = held;

    public void Leave() => _turn.Release();

    public void Dispose() => _turn.Dispose();
}
