using Microsoft.Data.SqlClient;

namespace ProductRoles.Bench;

/// <summary>
/// The benchmark writes and wipes its database, so given a SQL Server (<c>--sql-server "…"</c>) it first makes
/// sure the database is its own: either empty (no tables at all) or marked by an earlier benchmark run with
/// <see cref="MarkerTable"/>. Anything else (someone's data, an app's tables without the mark) is refused before
/// a single write. A database that is the benchmark's own is emptied (its tables dropped) and marked again, then
/// the app's migrations build it afresh.
/// </summary>
public static class BenchDatabaseGuard
{
    public const string MarkerTable = "__ProductRolesBenchmark";

    /// <summary>The database is not the benchmark's: nothing was written.</summary>
    public sealed class RefusedException(string message) : Exception(message);

    public enum Finding
    {
        Empty,
        Ours,
        Refused,
    }

    /// <summary>What the tables of a database (their names, without schema) say about it.</summary>
    public static (Finding Finding, string? Reason) Inspect(IReadOnlyCollection<string> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Count == 0)
        {
            return (Finding.Empty, null);
        }

        if (tables.Contains(MarkerTable, StringComparer.OrdinalIgnoreCase))
        {
            return (Finding.Ours, null);
        }

        var named = string.Join(", ", tables.Order(StringComparer.Ordinal).Take(5)) + (tables.Count > 5 ? $" and {tables.Count - 5} more" : "");
        return (Finding.Refused,
            $"The database holds {tables.Count} table(s) ({named}) and no {MarkerTable} table: it is not the benchmark's own, so the benchmark will not write to it. " +
            "Give it an empty database (CREATE DATABASE …), or one an earlier benchmark run created.");
    }

    /// <summary>Refuses (throws) unless the database is empty or the benchmark's; empties the benchmark's; marks it.</summary>
    public static async Task PrepareAsync(string connectionString)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new SqlCommand("SELECT t.name FROM sys.tables t WHERE t.is_ms_shipped = 0", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var (finding, reason) = Inspect(tables);
        if (finding == Finding.Refused)
        {
            throw new RefusedException(reason!);
        }

        if (finding == Finding.Ours)
        {
            // Foreign keys first, then every table: the next run's migrations start from nothing.
            await using var drop = new SqlCommand("""
                DECLARE @sql NVARCHAR(MAX) = N'';
                SELECT @sql += N'ALTER TABLE ' + QUOTENAME(s.name) + N'.' + QUOTENAME(t.name) + N' DROP CONSTRAINT ' + QUOTENAME(f.name) + N';'
                    FROM sys.foreign_keys f JOIN sys.tables t ON f.parent_object_id = t.object_id JOIN sys.schemas s ON t.schema_id = s.schema_id;
                SELECT @sql += N'DROP TABLE ' + QUOTENAME(s.name) + N'.' + QUOTENAME(t.name) + N';'
                    FROM sys.tables t JOIN sys.schemas s ON t.schema_id = s.schema_id WHERE t.is_ms_shipped = 0;
                EXEC sp_executesql @sql;
                """, connection);
            await drop.ExecuteNonQueryAsync();
        }

        await using var mark = new SqlCommand($"CREATE TABLE [{MarkerTable}] ([CreatedAt] DATETIME2 NOT NULL); INSERT INTO [{MarkerTable}] VALUES (SYSUTCDATETIME());", connection);
        await mark.ExecuteNonQueryAsync();
    }
}
