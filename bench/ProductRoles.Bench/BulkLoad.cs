using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductRoles.Web.Data;

namespace ProductRoles.Bench;

/// <summary>
/// Writes the app's own entities (as BacklogData, HistoryData … build them) with one prepared INSERT per
/// table, reused row after row in one transaction, the columns and value conversions taken from the EF
/// model: 100,000 items with their children in seconds where SaveChanges takes minutes. Keys are given
/// explicitly (the next free id), so children can point at their parents before anything is written.
/// Afterwards the product counters are counted afresh with the migration's own backfill statement.
/// </summary>
public sealed class BulkLoad(AppDbContext db)
{
    private readonly Dictionary<Type, (DbCommand Command, IReadOnlyList<IProperty> Columns)> _inserts = [];
    private readonly Dictionary<Type, int> _nextIds = [];
    private DbTransaction? _transaction;

    // SQL Server takes explicit values for an identity key only with IDENTITY_INSERT on, for one table at a time.
    private string? _identityInsertTable;

    public async Task BeginAsync()
    {
        await db.Database.OpenConnectionAsync();
        _transaction = await db.Database.GetDbConnection().BeginTransactionAsync();
    }

    /// <summary>The next id for an entity with an integer key (read once, then counted here).</summary>
    public async Task<int> NextIdAsync<T>()
        where T : class
    {
        if (!_nextIds.TryGetValue(typeof(T), out var next))
        {
            var type = db.Model.FindEntityType(typeof(T))!;
            await using var command = Command($"SELECT COALESCE(MAX(\"{type.FindPrimaryKey()!.Properties[0].GetColumnName()}\"), 0) FROM \"{type.GetTableName()}\"");
            next = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) + 1;
        }

        _nextIds[typeof(T)] = next + 1;
        return next;
    }

    public async Task InsertAsync<T>(T entity)
        where T : class
    {
        if (!_inserts.TryGetValue(typeof(T), out var insert))
        {
            var type = db.Model.FindEntityType(typeof(T))!;
            var columns = type.GetProperties().Where(p => !p.IsShadowProperty()).ToList();
            var command = Command($"INSERT INTO \"{type.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""))}) " +
                                  $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@c{i}"))})");
            for (var i = 0; i < columns.Count; i++)
            {
                command.Parameters.Add(columns[i].GetRelationalTypeMapping().CreateParameter(command, $"@c{i}", null, columns[i].IsNullable));
            }

            insert = _inserts[typeof(T)] = (command, columns);
        }

        if (db.Database.IsSqlServer())
        {
            await IdentityInsertAsync(db.Model.FindEntityType(typeof(T))!);
        }

        for (var i = 0; i < insert.Columns.Count; i++)
        {
            var column = insert.Columns[i];
            var value = column.GetGetter().GetClrValue(entity);
            if (column.GetRelationalTypeMapping().Converter is { } converter && value is not null)
            {
                value = converter.ConvertToProvider(value);
            }

            insert.Command.Parameters[i].Value = value ?? DBNull.Value;
        }

        await insert.Command.ExecuteNonQueryAsync();
    }

    /// <summary>Counts every product's tags, items and feedback afresh (BacklogTally's and FeedbackTally's recounts), then commits.</summary>
    public async Task CommitAsync()
    {
        await using (var recount = Command(BacklogTally.RecountSql + FeedbackTally.RecountSql))
        {
            await recount.ExecuteNonQueryAsync();
        }

        await _transaction!.CommitAsync();
        foreach (var (command, _) in _inserts.Values)
        {
            await command.DisposeAsync();
        }

        _inserts.Clear();
        await _transaction.DisposeAsync();
        await db.Database.CloseConnectionAsync();
    }

    private async Task IdentityInsertAsync(IEntityType type)
    {
        var identity = type.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] && (key.ClrType == typeof(int) || key.ClrType == typeof(long));
        var table = type.GetTableName()!;
        if (!identity || table == _identityInsertTable)
        {
            return;
        }

        var sql = (_identityInsertTable is { } previous ? $"SET IDENTITY_INSERT \"{previous}\" OFF; " : "") + $"SET IDENTITY_INSERT \"{table}\" ON;";
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync();
        _identityInsertTable = table;
    }

    private DbCommand Command(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }
}
