using System.Globalization;
using System.Text;

namespace ProductRoles.Web.Domain;

/// <summary>
/// How history reads: the one place that turns property names, type names and stored values into the
/// words of an audit log ("roadmap item", "In progress", "yes", "3 Mar 2026"), for every entity alike.
/// </summary>
public static class HistoryText
{
    public const string None = "(none)";

    /// <summary>"BacklogItem" → "backlog item".</summary>
    public static string EntityType(string name) => Words(name).ToLowerInvariant();

    /// <summary>
    /// A property as a reader names it: a reference without its "Id" ("RoadmapItemId" → "roadmap item"),
    /// a flag without its "Is" ("IsArchived" → "archived"), other names split into words.
    /// </summary>
    public static string Field(string name)
    {
        if (name.Length > 2 && name.EndsWith("Id", StringComparison.Ordinal))
        {
            name = name[..^2];
        }
        else if (name.Length > 2 && name.StartsWith("Is", StringComparison.Ordinal) && char.IsUpper(name[2]))
        {
            name = name[2..];
        }

        return Words(name).ToLowerInvariant();
    }

    /// <summary>A value as stored in a history row (written once, so it reads the same forever).</summary>
    public static string? Value(object? value) => value switch
    {
        null => null,
        bool b => b ? "yes" : "no",
        Enum e => EnumText.Of(e),
        DateTime d => d.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC",
        DateTimeOffset d => d.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC",
        DateOnly d => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A referenced row that no longer exists: named by its key.</summary>
    public static string Missing(object key) => "#" + Convert.ToString(key, CultureInfo.InvariantCulture);

    // Splits PascalCase at each capital that starts a word, keeping acronyms whole ("SEPAPayment" → "SEPA Payment").
    private static string Words(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = i > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (startsWord)
            {
                text.Append(' ');
            }

            text.Append(c);
        }

        return text.ToString();
    }
}
