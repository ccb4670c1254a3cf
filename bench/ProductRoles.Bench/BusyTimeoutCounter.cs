using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProductRoles.Bench;

/// <summary>
/// Counts SQLite's busy time-outs: a command or a transaction (BEGIN IMMEDIATE waits on the write lock) that
/// gave up with SQLITE_BUSY or SQLITE_LOCKED after the busy timeout. Two interceptors over one count.
/// </summary>
public sealed class BusyTimeoutCounter
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private long _count;

    public BusyTimeoutCounter()
    {
        Commands = new CommandFailures(this);
        Transactions = new TransactionFailures(this);
    }

    public long Count => Interlocked.Read(ref _count);

    public IInterceptor Commands { get; }

    public IInterceptor Transactions { get; }

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    private void Note(Exception exception)
    {
        if (exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
        {
            Interlocked.Increment(ref _count);
        }
    }

    private sealed class CommandFailures(BusyTimeoutCounter counter) : DbCommandInterceptor
    {
        public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => counter.Note(eventData.Exception);

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            counter.Note(eventData.Exception);
            return Task.CompletedTask;
        }
    }

    private sealed class TransactionFailures(BusyTimeoutCounter counter) : DbTransactionInterceptor
    {
        public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => counter.Note(eventData.Exception);

        public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            counter.Note(eventData.Exception);
            return Task.CompletedTask;
        }
    }
}
