namespace ProductRoles.Web.Infrastructure.Pipeline;

/// <summary>The thing does not exist, or the caller is not a member of its product. Becomes 404.</summary>
public sealed class NotFoundException() : Exception("Not found.");

/// <summary>The caller is a member but their role does not allow this. Becomes 403.</summary>
public sealed class ForbiddenException() : Exception("Forbidden.");

/// <summary>Input broke a rule. Property name → messages; pages show them beside the fields, the API returns 400.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The request is not valid: " + string.Join("; ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException For(string property, string message) =>
        new(new Dictionary<string, string[]>(StringComparer.Ordinal) { [property] = [message] });
}

/// <summary>
/// Someone else saved the entity since the caller loaded it. Carries both versions, and who saved
/// the newer one and what they changed, so the user can compare them; nothing was written.
/// Becomes 409 in the API.
/// </summary>
public sealed class ConcurrencyConflictException(
    IReadOnlyList<ConflictingValue> values, int currentVersion, ConflictingSave? theirs = null)
    : Exception("This was changed by someone else while you were editing it.")
{
    /// <summary>The fields where the caller's values differ from the stored ones (bookkeeping columns left out).</summary>
    public IReadOnlyList<ConflictingValue> Values { get; } = values;

    public int CurrentVersion { get; } = currentVersion;

    /// <summary>The other person's save, when the history knows it.</summary>
    public ConflictingSave? Theirs { get; } = theirs;
}

/// <summary>
/// One field of a conflicting save: <paramref name="Field"/> is the property name (for the API),
/// <paramref name="Label"/> the reader's word for it; the values are as the history writes them.
/// </summary>
public sealed record ConflictingValue(string Field, string Label, string? Yours, string? Theirs);

/// <summary>Who saved the newer version, when, and which fields they changed from what to what.</summary>
public sealed record ConflictingSave(string ChangedBy, DateTime ChangedAt, IReadOnlyList<ConflictingChange> Changes);

/// <summary>A field the other person changed, in words ("status": "To do" → "In progress").</summary>
public sealed record ConflictingChange(string Label, string? From, string? To);
