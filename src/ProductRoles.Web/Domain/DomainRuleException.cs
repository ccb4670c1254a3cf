namespace ProductRoles.Web.Domain;

/// <summary>
/// A state change broke one of the entity's rules. Field name ("" for the whole form) → messages;
/// the pipeline shows them beside the fields exactly as it shows validation failures, and nothing
/// is written.
/// </summary>
public sealed class DomainRuleException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("A domain rule was broken: " + string.Join("; ", errors.SelectMany(e => e.Value)))
{
    public DomainRuleException(string field, string message)
        : this(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
