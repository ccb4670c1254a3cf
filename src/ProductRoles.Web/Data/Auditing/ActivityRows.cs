using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Data.Auditing;

/// <summary>
/// Writes a save's history rows on SQLite as one INSERT … SELECT over a JSON array (json_each), instead of
/// tracking them and saving a second time: a second save is one more pass over everything tracked and one
/// insert per row (an import batch writes about 800 of them). The rows are written exactly as EF writes
/// them (the same columns, dates in EF's SQLite text format). SQL Server keeps the tracked second save.
/// </summary>
public static class ActivityRows
{
    private const string Sql = """
        INSERT INTO "Activities" ("ProductId", "OccurredAt", "UserId", "UserName", "EntityType", "EntityId", "EntityLabel", "Action", "Field", "OldValue", "NewValue", "Note")
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10, value ->> 11
        FROM json_each({0})
        """;

    // EF Core's SQLite text form of a DateTime (and Microsoft.Data.Sqlite's for a DateTime parameter).
    private const string SqliteDateTime = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    public static bool Handles(AppDbContext db) => db.Database.IsSqlite();

    public static Task WriteAsync(AppDbContext db, IReadOnlyCollection<Activity> rows, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(Sql, [Json(rows)], cancellationToken);

    public static void Write(AppDbContext db, IReadOnlyCollection<Activity> rows) => db.Database.ExecuteSqlRaw(Sql, [Json(rows)]);

    private static string Json(IReadOnlyCollection<Activity> rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var a in rows)
            {
                json.WriteStartArray();
                json.WriteNumberValue(a.ProductId);
                json.WriteStringValue(a.OccurredAt.ToString(SqliteDateTime, CultureInfo.InvariantCulture));
                Text(json, a.UserId);
                json.WriteStringValue(a.UserName);
                json.WriteStringValue(a.EntityType);
                json.WriteStringValue(a.EntityId);
                json.WriteStringValue(a.EntityLabel);
                json.WriteStringValue(a.Action);
                Text(json, a.Field);
                Text(json, a.OldValue);
                Text(json, a.NewValue);
                Text(json, a.Note);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Text(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }
}
