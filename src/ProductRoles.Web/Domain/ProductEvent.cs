namespace ProductRoles.Web.Domain;

/// <summary>
/// A domain event about one product, as every product command raises them: which product, who did it
/// (<see cref="ActorId"/> is the user's id; null for work the app does by itself), and the ids of what
/// changed. Live updates, webhooks and notifications read these; they load anything else themselves.
/// </summary>
public interface IProductEvent : IDomainEvent
{
    int ProductId { get; }

    string? ActorId { get; }
}

/// <summary>One field of an edit, with its old and new value as a reader would see them ("In progress").</summary>
public sealed record FieldChange(string Field, string? Old, string? New)
{
    /// <summary>The changes among these (field, old, new) triples: unchanged fields are left out.</summary>
    public static IReadOnlyList<FieldChange> Between(params (string Field, string? Old, string? New)[] fields) =>
        [.. fields.Where(f => !string.Equals(f.Old, f.New, StringComparison.Ordinal)).Select(f => new FieldChange(f.Field, f.Old, f.New))];
}
