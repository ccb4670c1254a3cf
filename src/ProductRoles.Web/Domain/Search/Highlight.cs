using System.Text;

namespace ProductRoles.Web.Domain.Search;

/// <summary>A piece of a shown text: plain, or a word the search matched (shown marked).</summary>
public sealed record HighlightPart(string Text, bool IsMatch);

/// <summary>
/// Splits a text into plain and matched parts. The parts are plain strings: the view encodes each and
/// wraps the matched ones in &lt;mark&gt;, so no user text is ever written as HTML.
/// </summary>
public static class Highlight
{
    /// <summary>The whole text, in parts.</summary>
    public static IReadOnlyList<HighlightPart> Parts(string text, SearchTerms terms)
    {
        var parts = new List<HighlightPart>();
        var plain = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i))
            {
                plain.Append(text[i]);
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text, i))
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
            }

            var word = text[start..i];
            if (terms.Matches(word))
            {
                if (plain.Length > 0)
                {
                    parts.Add(new(plain.ToString(), false));
                    plain.Clear();
                }

                parts.Add(new(word, true));
            }
            else
            {
                plain.Append(word);
            }
        }

        if (plain.Length > 0)
        {
            parts.Add(new(plain.ToString(), false));
        }

        return parts;
    }

    /// <summary>
    /// A window of about <paramref name="length"/> characters around the first match (the start of the text
    /// when nothing in it matched), cut at spaces, with "…" where it was cut; then in parts.
    /// </summary>
    public static IReadOnlyList<HighlightPart> Snippet(string text, SearchTerms terms, int length = 180)
    {
        var flat = Flatten(text);
        if (flat.Length <= length)
        {
            return Parts(flat, terms);
        }

        // Only the window is cut into parts: a description can be long, and only its window is shown.
        var first = FirstMatch(flat, terms);
        var start = first >= flat.Length ? 0 : Math.Max(0, first - (length / 3));
        if (start > 0)
        {
            var space = flat.IndexOf(' ', start);
            start = space < 0 || space > first ? start : space + 1;
        }

        var end = Math.Min(flat.Length, start + length);
        if (end < flat.Length)
        {
            var space = flat.LastIndexOf(' ', end);
            end = space > start ? space : end;
        }

        // Never cut a surrogate pair in half.
        if (start > 0 && char.IsLowSurrogate(flat[start]))
        {
            start++;
        }

        if (end < flat.Length && end > 0 && char.IsHighSurrogate(flat[end - 1]))
        {
            end--;
        }

        var window = (start > 0 ? "…" : "") + flat[start..end] + (end < flat.Length ? "…" : "");
        return Parts(window, terms);
    }

    /// <summary>The text with every run of whitespace made one space, trimmed.</summary>
    private static string Flatten(string text)
    {
        var flat = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                flat.Append(c);
            }
            else if (flat.Length > 0 && flat[^1] != ' ')
            {
                flat.Append(' ');
            }
        }

        if (flat.Length > 0 && flat[^1] == ' ')
        {
            flat.Length--;
        }

        return flat.ToString();
    }

    /// <summary>Where the first matched word starts; the text's length when nothing matched.</summary>
    private static int FirstMatch(string text, SearchTerms terms)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text, i))
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
            }

            if (terms.Matches(text.AsSpan(start, i - start)))
            {
                return start;
            }
        }

        return text.Length;
    }

    private static bool IsWordChar(string text, int i) =>
        Rune.TryGetRuneAt(text, i, out var rune) && Rune.IsLetterOrDigit(rune);
}
