using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductRoles.Web.Data.Identity;
using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Data.Auditing;

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
    private readonly List<(Activity Activity, Type Type, object? OldKey, object? NewKey)> _references = [];
    private readonly Dictionary<(Type Type, object Key), string?> _labels = [];

    public bool HasChanges => _pending.Count > 0;

    public static ActivityRecorder Capture(ChangeTracker tracker, DateTime now, IChangeAuthor? user, string? note, string? addedAction = null)
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

                    var activity = recorder.Add(entry, now, user, note, "Updated", property.Metadata.Name,
                        Format(property.OriginalValue), Format(property.CurrentValue));
                    recorder.NoteReference(entry, property, activity);
                }
            }
            else
            {
                recorder.Add(entry, now, user, note, entry.State == EntityState.Added ? addedAction ?? "Created" : "Deleted",
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
    public static Activity Describe(EntityEntry entry, DateTime now, IChangeAuthor? user, string action,
        string? field, string? oldValue, string? newValue, string? note) =>
        Identify(entry, New(entry, now, user, note, action, field, oldValue, newValue));

    // Bookkeeping columns and [NotAudited] ones (rank keys) are not news to a reader of the history:
    // this is the one place that decides which changes are.
    public static bool IsAudited(IReadOnlyPropertyBase property) =>
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

    private Activity Add(EntityEntry entry, DateTime now, IChangeAuthor? user, string? note, string action,
        string? field, string? oldValue, string? newValue)
    {
        var activity = New(entry, now, user, note, action, field, oldValue, newValue);
        _pending.Add((entry, activity));
        return activity;
    }

    // A changed foreign key reads as the thing it points to. The label is taken now, at write time, so the
    // row still names it after a rename or delete; a principal the save already tracks costs no query.
    private void NoteReference(EntityEntry entry, PropertyEntry property, Activity activity)
    {
        var foreignKey = property.Metadata.GetContainingForeignKeys().FirstOrDefault(k => k.Properties.Count == 1);
        if (foreignKey is null)
        {
            return;
        }

        var type = foreignKey.PrincipalEntityType.ClrType;
        if (foreignKey.DependentToPrincipal is { } navigation
            && entry.Reference(navigation.Name).TargetEntry?.Entity is { } target
            && property.CurrentValue is { } current)
        {
            _labels.TryAdd((type, current), LabelOf(target));
        }

        foreach (var key in new[] { property.OriginalValue, property.CurrentValue })
        {
            if (key is not null)
            {
                _labels.TryAdd((type, key), null);
            }
        }

        _references.Add((activity, type, property.OriginalValue, property.CurrentValue));
    }

    /// <summary>Names the targets of changed foreign keys (one lookup per distinct target, tracked ones first).</summary>
    public async Task ResolveReferencesAsync(DbContext db, CancellationToken cancellationToken)
    {
        foreach (var (type, key) in Unresolved())
        {
            _labels[(type, key)] = LabelOf(await db.FindAsync(type, [key], cancellationToken)) ?? HistoryText.Missing(key);
        }

        ApplyReferenceLabels();
    }

    /// <inheritdoc cref="ResolveReferencesAsync"/>
    public void ResolveReferences(DbContext db)
    {
        foreach (var (type, key) in Unresolved())
        {
            _labels[(type, key)] = LabelOf(db.Find(type, key)) ?? HistoryText.Missing(key);
        }

        ApplyReferenceLabels();
    }

    private List<(Type Type, object Key)> Unresolved() => [.. _labels.Where(l => l.Value is null).Select(l => l.Key)];

    private void ApplyReferenceLabels()
    {
        foreach (var (activity, type, oldKey, newKey) in _references)
        {
            activity.OldValue = oldKey is null ? null : Truncate(_labels[(type, oldKey)], Activity.ValueMaxLength);
            activity.NewValue = newKey is null ? null : Truncate(_labels[(type, newKey)], Activity.ValueMaxLength);
        }
    }

    // What a reader calls a row: its history label, or a person's display name.
    public static string? LabelOf(object? entity) => entity switch
    {
        IAudited audited => audited.AuditLabel,
        UserProfile profile => profile.DisplayName,
        AppUser user => user.DisplayName,
        _ => null,
    };

    private static Activity New(EntityEntry entry, DateTime now, IChangeAuthor? user, string? note, string action,
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
            : string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    private static string? Format(object? value) => Truncate(HistoryText.Value(value), Activity.ValueMaxLength);

    private static string? Truncate(string? value, int max) =>
        value is null || value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");
}
