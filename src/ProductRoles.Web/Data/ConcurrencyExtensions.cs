using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Data;

public static class ConcurrencyExtensions
{
    /// <summary>
    /// Says which version of the entity the user edited. The UPDATE then only succeeds while the row
    /// still has that version; otherwise <see cref="SaveChangesCheckedAsync"/> reports a conflict.
    /// </summary>
    public static void ExpectVersion<T>(this AppDbContext db, T entity, int version)
        where T : class, IVersioned =>
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;

    /// <summary>Saves, turning a lost race into a <see cref="ConcurrencyConflictException"/> with both versions.</summary>
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
                var name = property.Metadata.Name;
                if (!property.IsModified || name == nameof(IVersioned.Version))
                {
                    continue;
                }

                var yours = Format(property.CurrentValue);
                var theirs = Format(stored[name]);
                if (yours != theirs)
                {
                    values.Add(new ConflictingValue(name, yours, theirs));
                }
            }

            throw new ConcurrencyConflictException(values, (int)stored[nameof(IVersioned.Version)]!);
        }
    }

    private static string? Format(object? value) =>
        value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
}
