using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProductRoles.Bench;

/// <summary>
/// Counts SQLite's busy time-outs: a command or a transaction (BEGIN IMMEDIATE waits on the write lock) that
/// gave up with SQLITE_BUSY or SQLITE_LOCKED after the busy timeout. Two interceptors and the app's exception handler over one count.
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

    /// <summary>
    /// A request that failed on the write lock: BEGIN IMMEDIATE gives up inside EF without a "transaction failed"
    /// interception, so only the app's exception handler sees it (it asks this before it shows the error page).
    /// </summary>
    public IExceptionHandler Requests => new RequestFailures(this);

    private readonly ConditionalWeakTable<SqliteException, object> _seen = [];

    private void Note(Exception? exception)
    {
        // The same failure reaches more than one hook (the command's, then the request's): count it once.
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } busy && _seen.TryAdd(busy, this))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }

    private sealed class RequestFailures(BusyTimeoutCounter counter) : IExceptionHandler
    {
        public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            counter.Note(exception);
            return ValueTask.FromResult(false);
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
