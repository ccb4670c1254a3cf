using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Infrastructure.Auditing;

/// <summary>
/// Turns the change tracker's view of audited entities into history rows, so no feature can forget
/// to write history. Captured before the save (old values are still known) and completed after it
/// (keys of new rows are known then).
/// </summary>
public sealed class ActivityRecorder
{
    // Bookkeeping columns, on every entity; a single property is left out with [NotAudited].
    private static readonly HashSet<string> IgnoredProperties = new(StringComparer.Ordinal)
    {
        nameof(IVersioned.Version), "CreatedAt", "UpdatedAt", "Id",
    };

    private readonly List<(EntityEntry Entry, Activity Activity)> _pending = [];

    public bool HasChanges => _pending.Count > 0;

    public static ActivityRecorder Capture(ChangeTracker tracker, DateTime now, ICurrentUser? user, string? note)
    {
        var recorder = new ActivityRecorder();
        var described = DescribedByCommand(tracker);
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is not IAudited || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.State == EntityState.Modified)
            {
                if (described is not null && described.Contains((entry.Metadata.ClrType.Name, KeyOf(entry))))
                {
                    continue;
                }

                foreach (var property in entry.Properties)
                {
                    if (!property.IsModified || !IsAudited(property.Metadata)
                        || Equals(property.OriginalValue, property.CurrentValue))
                    {
                        continue;
                    }

                    recorder.Add(entry, now, user, note, "Updated", property.Metadata.Name,
                        Format(property.OriginalValue), Format(property.CurrentValue));
                }
            }
            else
            {
                recorder.Add(entry, now, user, note, entry.State == EntityState.Added ? "Created" : "Deleted",
                    null, null, null);
            }
        }

        return recorder;
    }

    /// <summary>Fills in what is only known after the insert (ids) and returns the rows to add.</summary>
    public IEnumerable<Activity> Complete()
    {
        foreach (var (entry, activity) in _pending)
        {
            yield return Identify(entry, activity);
        }
    }

    /// <summary>
    /// A row a command writes in the words of the user's action (e.g. a move) for an entity that already
    /// exists. Saved with the change, it stands in for that entity's raw field changes (see <see cref="Capture"/>).
    /// </summary>
    public static Activity Describe(EntityEntry entry, DateTime now, ICurrentUser? user, string action,
        string? field, string? oldValue, string? newValue, string? note) =>
        Identify(entry, New(entry, now, user, note, action, field, oldValue, newValue));

    // Bookkeeping columns and [NotAudited] ones (rank keys) are not news to a reader of the history:
    // this is the one place that decides which changes are.
    private static bool IsAudited(IReadOnlyPropertyBase property) =>
        !IgnoredProperties.Contains(property.Name)
        && property.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute), inherit: true) != true;

    // Entities a command already described in its own words this save: their raw field changes would repeat it.
    private static HashSet<(string EntityType, string EntityId)>? DescribedByCommand(ChangeTracker tracker)
    {
        HashSet<(string, string)>? described = null;
        foreach (var entry in tracker.Entries<Activity>())
        {
            if (entry.State == EntityState.Added)
            {
                (described ??= []).Add((entry.Entity.EntityType, entry.Entity.EntityId));
            }
        }

        return described;
    }

    private static Activity Identify(EntityEntry entry, Activity activity)
    {
        var audited = (IAudited)entry.Entity;
        activity.ProductId = audited.AuditProductId;
        activity.EntityId = KeyOf(entry);
        activity.EntityLabel = Truncate(audited.AuditLabel, 200) ?? string.Empty;
        return activity;
    }

    private void Add(EntityEntry entry, DateTime now, ICurrentUser? user, string? note, string action,
        string? field, string? oldValue, string? newValue) =>
        _pending.Add((entry, New(entry, now, user, note, action, field, oldValue, newValue)));

    private static Activity New(EntityEntry entry, DateTime now, ICurrentUser? user, string? note, string action,
        string? field, string? oldValue, string? newValue) =>
        new()
        {
            OccurredAt = now,
            UserId = user?.UserId,
            UserName = user?.Name ?? "system",
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = string.Empty,
            EntityLabel = string.Empty,
            Action = action,
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
            Note = Truncate(note, Activity.ValueMaxLength),
        };

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? string.Empty
            : string.Join(",", key.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));
    }

    private static string? Format(object? value) => Truncate(value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    }, Activity.ValueMaxLength);

    private static string? Truncate(string? value, int max) =>
        value is null || value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");
}
