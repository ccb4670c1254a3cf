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
        new(new Dictionary<string, string[]> { [property] = [message] });
}

/// <summary>
/// Someone else saved the entity since the caller loaded it. Carries both versions so the user can
/// compare them; nothing was written. Becomes 409 in the API.
/// </summary>
public sealed class ConcurrencyConflictException(
    IReadOnlyList<ConflictingValue> values, int currentVersion)
    : Exception("This was changed by someone else while you were editing it.")
{
    public IReadOnlyList<ConflictingValue> Values { get; } = values;
    public int CurrentVersion { get; } = currentVersion;
}

/// <summary>One field of a conflicting save: what the caller tried to write and what is stored now.</summary>
public sealed record ConflictingValue(string Field, string? Yours, string? Theirs);
