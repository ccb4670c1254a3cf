using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>
/// What the conflict panel shows after a lost save: who saved first, when and what, the fields where the
/// user's values differ, and the user's own post ready to send again on top of the current version.
/// </summary>
public sealed record ConflictView(
    ConflictingSave? Theirs,
    IReadOnlyList<ConflictingValue> Values,
    bool FormBelow,
    string ApplyAgainUrl,
    IReadOnlyList<KeyValuePair<string, string>> ApplyAgainFields)
{
    /// <summary>"Dana Developer" or, when the history does not say, "Someone".</summary>
    public string ChangedBy => string.IsNullOrWhiteSpace(Theirs?.ChangedBy) ? "Someone" : Theirs.ChangedBy;
}
