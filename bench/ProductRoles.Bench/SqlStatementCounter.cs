using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProductRoles.Bench;

/// <summary>Counts every SQL statement EF Core sends (queries, inserts, updates, deletes).</summary>
public sealed class SqlStatementCounter : DbCommandInterceptor
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    private long _watched;

    /// <summary>When set, <see cref="WatchedCount"/> counts the queries whose text names it (e.g. a table), for tests.</summary>
    public string? Watching { get; set; }

    public long WatchedCount => Interlocked.Read(ref _watched);

    private long _watchedOpenReaders;

    /// <summary>Data readers of watched queries not yet disposed: a streamed query is still being read.</summary>
    public long WatchedOpenReaders => Interlocked.Read(ref _watchedOpenReaders);

    /// <summary>
    /// With <c>BENCH_SQL_HISTOGRAM=1</c> in the environment: how many times each statement (its first line, tags
    /// skipped, up to 120 characters) was sent, to find which one a run repeats.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, long>? Histogram { get; } =
        Environment.GetEnvironmentVariable("BENCH_SQL_HISTOGRAM") == "1" ? new(StringComparer.Ordinal) : null;

    private void Note(DbCommand command)
    {
        if (Histogram is null)
        {
            return;
        }

        var line = command.CommandText.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal)) ?? "";
        Histogram.AddOrUpdate(line.Length > 120 ? line[..120] : line, 1, (_, n) => n + 1);
    }

    /// <summary>When set, each statement's text and how long its reader was open (executing and reading its rows), for a profile.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Sql, TimeSpan Duration)>? Recorded { get; set; }

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _watched, 0);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        CountUnlessBackground(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        CountUnlessBackground(command);
        return ValueTask.FromResult(result);
    }

    // Writes (INSERT … SELECT, bulk updates) run as non-queries: they are watched too.
    private void CountWatched(DbCommand command)
    {
        Note(command);
        if (Watching is { } watching && command.CommandText.Contains(watching, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _watched);
        }
    }

    // A background runner's look for work (tagged so) is no page's statement.
    private void CountUnlessBackground(DbCommand command)
    {
        CountWatched(command);

        if (!command.CommandText.StartsWith("-- " + ProductRoles.Web.Features.ProductOwner.Import.BacklogImportRunner.BackgroundTag, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
        }
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        OpenedWatched(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        OpenedWatched(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Recorded?.Enqueue((command.CommandText, eventData.Duration));
        if (IsWatched(command))
        {
            Interlocked.Decrement(ref _watchedOpenReaders);
        }

        return result;
    }

    private void OpenedWatched(DbCommand command)
    {
        if (IsWatched(command))
        {
            Interlocked.Increment(ref _watchedOpenReaders);
        }
    }

    private bool IsWatched(DbCommand command) => Watching is { } watching && command.CommandText.Contains(watching, StringComparison.Ordinal);

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        CountWatched(command);
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        CountWatched(command);
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Note(command);
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }
}
