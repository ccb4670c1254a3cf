using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Events;

namespace ProductRoles.Web.Infrastructure.Pipeline;

/// <summary>
/// One command, one transaction: the handler's saves and everything its domain events cause elsewhere
/// (the burndown, later notifications and outbox rows) commit together or not at all. Queries pass by.
/// </summary>
/// <remarks>
/// On SQLite, EF begins the transaction through Microsoft.Data.Sqlite, which opens a non-deferred
/// transaction as <c>BEGIN IMMEDIATE</c>: the write lock is taken up front, so concurrent commands
/// wait their turn on the busy timeout instead of failing with SQLITE_BUSY when a reader upgrades
/// (UnitOfWorkTests proves it). On SQL Server the work runs inside the execution strategy, so a
/// retrying strategy, if one is configured, retries the whole command rather than refusing the
/// user-initiated transaction.
/// </remarks>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(
    AppDbContext db, DomainEvents events, DomainEventDispatcher dispatcher, IEnumerable<ICommitListener> commitListeners, SqliteWriteQueue writeQueue)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    /// <summary>Events whose handlers raise events, round after round, are a bug, not a workload.</summary>
    public const int MaxEventRounds = 10;

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IWritesAtomicallyItself)
        {
            var written = await next(message, cancellationToken);
            await NotifyCommittedAsync(cancellationToken);
            return written;
        }

        if (db.Database.CurrentTransaction is not null)
        {
            // A command sent from inside another joins its transaction; the outer one dispatches the events.
            return await next(message, cancellationToken);
        }

        // On SQLite the process's commands queue for their turn to write (see SqliteWriteQueue); the transaction starts once it is theirs.
        var queued = db.Database.IsSqlite() && !SqliteWriteQueue.IsHeld;
        if (queued)
        {
            await writeQueue.WaitAsync(cancellationToken);
            SqliteWriteQueue.MarkHeld(true);
        }

        TResponse committed;
        try
        {
            committed = await InTransactionAsync(message, next, cancellationToken);
        }
        finally
        {
            if (queued)
            {
                SqliteWriteQueue.MarkHeld(false);
                writeQueue.Leave();
            }
        }

        // Only the outermost command gets here, and only once its transaction committed.
        await NotifyCommittedAsync(cancellationToken);
        return committed;
    }

    private Task<TResponse> InTransactionAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async token =>
        {
            // Every attempt starts from the database, not from what a failed attempt left tracked.
            events.Clear();
            Discard();
            if (strategy.RetriesOnFailure)
            {
                db.ChangeTracker.Clear();
            }

            await using var transaction = await db.Database.BeginTransactionAsync(token);
            try
            {
                var response = await next(message, token);
                await DispatchEventsAsync(token);
                await transaction.CommitAsync(token);
                return response;
            }
            catch
            {
                // Nothing was written: forget the changes too, so a later save in this scope can't write half of them.
                events.Clear();
                Discard();
                db.ChangeTracker.Clear();
                throw;
            }
        }, cancellationToken);
    }

    private void Discard()
    {
        foreach (var listener in commitListeners)
        {
            listener.Discard();
        }
    }

    private async Task NotifyCommittedAsync(CancellationToken cancellationToken)
    {
        foreach (var listener in commitListeners)
        {
            await listener.CommittedAsync(cancellationToken);
        }
    }

    private async Task DispatchEventsAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; events.HasPending; round++)
        {
            if (round == MaxEventRounds)
            {
                throw new InvalidOperationException($"Domain events were still being raised after {MaxEventRounds} rounds.");
            }

            // Handlers of other areas read what the command saved.
            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            foreach (var domainEvent in events.TakeAll())
            {
                await dispatcher.DispatchAsync(domainEvent, cancellationToken);
            }

            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }
}
