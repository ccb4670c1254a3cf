using System.Globalization;
using System.Text;

namespace ProductRoles.Web.Domain.Search;

/// <summary>
/// What a user typed into a search box, read as words: each whitespace-separated term is split into
/// the tokens the full-text engines index (runs of letters and digits, lower case), so "ACME-123"
/// is the phrase "acme 123". Nothing the user typed reaches the engine's query syntax as syntax:
/// quotes, stars, brackets, NEAR, AND/OR/NOT and the like are either punctuation (dropped) or words.
/// As in search-as-you-type tools, only the last word is matched as a prefix (it may be half typed);
/// the words before it are whole words: a prefix costs the index a merge of every word it covers.
/// </summary>
public sealed class SearchTerms
{
    public const int MaxLength = 200;
    public const int MaxTerms = 10;

    private SearchTerms(IReadOnlyList<IReadOnlyList<string>> terms, string? problem)
    {
        Terms = terms;
        Problem = problem;
    }

    /// <summary>Each term is a phrase of one or more tokens; every term must match (AND), the very last token as a prefix.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Terms { get; }

    /// <summary>Why the text cannot be searched for, in words for the user; null when it can.</summary>
    public string? Problem { get; }

    public bool IsSearchable => Problem is null;

    /// <summary>Every token, for highlighting.</summary>
    public IEnumerable<string> Tokens => Terms.SelectMany(t => t);

    /// <summary>The last token typed: the one matched as a prefix.</summary>
    public string Prefix => Terms.Count == 0 ? "" : Terms[^1][^1];

    public static SearchTerms Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new([], "Type a word to search for.");
        }

        if (text.Length > MaxLength)
        {
            return new([], $"Search for at most {MaxLength} characters (this was {text.Length:N0}).");
        }

        var terms = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(Tokenize).Where(t => t.Count > 0).Take(MaxTerms).ToList();
        return terms.Count == 0
            ? new([], "Search for words or numbers: punctuation alone matches nothing.")
            : new(terms, null);
    }

    /// <summary>The SQLite FTS5 MATCH expression: each term a quoted phrase, all required, the last one prefix-matched.</summary>
    public string ToFts5() =>
        string.Join(' ', Terms.Select((t, n) => "\"" + string.Join(' ', t) + "\"" + (n == Terms.Count - 1 ? "*" : "")));

    /// <summary>The SQL Server CONTAINS condition: each token a quoted term, all required, the last one a prefix.</summary>
    public string ToContains()
    {
        var tokens = Tokens.ToList();
        return string.Join(" AND ", tokens.Select((t, n) => "\"" + t + (n == tokens.Count - 1 ? "*" : "") + "\""));
    }

    /// <summary>Whether a word of the text (as the index splits it) is one the search matched: a whole token, or starting with the last.</summary>
    public bool Matches(string word) => Matches(word.AsSpan());

    /// <inheritdoc cref="Matches(string)"/>
    public bool Matches(ReadOnlySpan<char> word)
    {
        if (Terms.Count == 0)
        {
            return false;
        }

        if (word.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var term in Terms)
        {
            foreach (var token in term)
            {
                if (word.Equals(token, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether every token is a word of the text, the last the start of one (a palette entry's label).</summary>
    public bool AllIn(string text)
    {
        var words = Tokenize(text);
        var tokens = Tokens.ToList();
        return tokens.Select((t, n) => n == tokens.Count - 1
                ? words.Exists(w => w.StartsWith(t, StringComparison.Ordinal))
                : words.Contains(t))
            .All(found => found);
    }

    private static List<string> Tokenize(string term)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in term.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                current.Append(rune.ToString().ToLower(CultureInfo.InvariantCulture));
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }
}
