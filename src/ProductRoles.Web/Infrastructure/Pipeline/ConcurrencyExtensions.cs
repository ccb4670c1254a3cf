using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Auditing;
using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Infrastructure.Pipeline;

public static class ConcurrencyExtensions
{
    /// <summary>
    /// Says which version of the entity the user edited. The UPDATE then only succeeds while the row
    /// still has that version; otherwise <see cref="SaveChangesCheckedAsync"/> reports a conflict.
    /// </summary>
    public static void ExpectVersion<T>(this AppDbContext db, T entity, int version)
        where T : class, IVersioned =>
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;

    /// <summary>
    /// Saves, turning a lost race into a <see cref="ConcurrencyConflictException"/> with both versions in
    /// the words of the history, and who saved the newer one.
    /// </summary>
    public static async Task SaveChangesCheckedAsync(this AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            var entry = ex.Entries.First();
            var stored = await entry.GetDatabaseValuesAsync(cancellationToken) ?? throw new NotFoundException();
            var values = new List<ConflictingValue>();
            foreach (var property in entry.Properties)
            {
                // Bookkeeping (version, timestamps, rank keys) is no news to the user: the same rule as the history's.
                if (!property.IsModified || !ActivityRecorder.IsAudited(property.Metadata))
                {
                    continue;
                }

                var yours = await WordsAsync(db, property, property.CurrentValue, cancellationToken);
                var theirs = await WordsAsync(db, property, stored[property.Metadata.Name], cancellationToken);
                if (yours != theirs)
                {
                    values.Add(new ConflictingValue(property.Metadata.Name, HistoryText.Field(property.Metadata.Name), yours, theirs));
                }
            }

            throw new ConcurrencyConflictException(values, (int)stored[nameof(IVersioned.Version)]!,
                await LastSaveAsync(db, entry, cancellationToken));
        }
    }

    // The history already says who saved the entity last and what they changed: that save is the newer version.
    private static async Task<ConflictingSave?> LastSaveAsync(AppDbContext db, EntityEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Entity is not IAudited)
        {
            return null;
        }

        var type = entry.Metadata.ClrType.Name;
        var id = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(entry.Property(p.Name).OriginalValue, System.Globalization.CultureInfo.InvariantCulture)));
        var last = await db.Activities.AsNoTracking()
            .Where(a => a.EntityType == type && a.EntityId == id)
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.OccurredAt, a.UserId, a.UserName })
            .FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return null;
        }

        var rows = await db.Activities.AsNoTracking()
            .Where(a => a.EntityType == type && a.EntityId == id && a.OccurredAt == last.OccurredAt && a.UserId == last.UserId && a.Field != null)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Field, a.OldValue, a.NewValue })
            .ToListAsync(cancellationToken);
        return new ConflictingSave(last.UserName, last.OccurredAt,
            [.. rows.Select(r => new ConflictingChange(HistoryText.Field(r.Field!), r.OldValue, r.NewValue))]);
    }

    // A value as the history writes it; a reference as the thing it points to ("Dana Developer", not a user id).
    private static async Task<string?> WordsAsync(AppDbContext db, PropertyEntry property, object? value, CancellationToken cancellationToken)
    {
        var foreignKey = property.Metadata.GetContainingForeignKeys().FirstOrDefault(k => k.Properties.Count == 1);
        if (foreignKey is null || value is null)
        {
            return HistoryText.Value(value);
        }

        var target = await db.FindAsync(foreignKey.PrincipalEntityType.ClrType, [value], cancellationToken);
        return ActivityRecorder.LabelOf(target) ?? HistoryText.Missing(value);
    }
}
