using System.Buffers;
using System.Text;

namespace ProductRoles.Web.Domain.Search;

/// <summary>A piece of a shown text: plain, or a word the search matched (shown marked).</summary>
public sealed record HighlightPart(string Text, bool IsMatch);

/// <summary>
/// Splits a text into plain and matched parts. The parts are plain strings: the view encodes each and
/// wraps the matched ones in &lt;mark&gt;, so no user text is ever written as HTML.
/// A search page cuts twenty descriptions of about a thousand characters each: the text is read as spans,
/// and only the parts shown become strings (copying each description twice, and each word once, had been
/// a fifth of a search's allocations).
/// </summary>
public static class Highlight
{
    /// <summary>The whole text, in parts.</summary>
    public static IReadOnlyList<HighlightPart> Parts(string text, SearchTerms terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parts(text.AsSpan(), terms);
    }

    private static List<HighlightPart> Parts(ReadOnlySpan<char> text, SearchTerms terms)
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
            i = WordEnd(text, i);
            var word = text[start..i];
            if (terms.Matches(word))
            {
                if (plain.Length > 0)
                {
                    parts.Add(new(plain.ToString(), false));
                    plain.Clear();
                }

                parts.Add(new(word.ToString(), true));
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
        ArgumentNullException.ThrowIfNull(text);
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            return Snippet(buffer.AsSpan(0, Flatten(text, buffer)), terms, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static List<HighlightPart> Snippet(ReadOnlySpan<char> flat, SearchTerms terms, int length)
    {
        if (flat.Length <= length)
        {
            return Parts(flat, terms);
        }

        // Only the window is cut into parts: a description can be long, and only its window is shown.
        var first = FirstMatch(flat, terms);
        var start = first >= flat.Length ? 0 : Math.Max(0, first - (length / 3));
        if (start > 0)
        {
            var space = flat[start..].IndexOf(' ');
            start = space < 0 || start + space > first ? start : start + space + 1;
        }

        var end = Math.Min(flat.Length, start + length);
        if (end < flat.Length)
        {
            var space = flat[..(end + 1)].LastIndexOf(' ');
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

        var window = string.Concat(start > 0 ? "…" : "", flat[start..end], end < flat.Length ? "…" : "");
        return Parts(window.AsSpan(), terms);
    }

    /// <summary>The text with every run of whitespace made one space, trimmed, written into <paramref name="flat"/>; its length.</summary>
    private static int Flatten(string text, char[] flat)
    {
        var length = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                flat[length++] = c;
            }
            else if (length > 0 && flat[length - 1] != ' ')
            {
                flat[length++] = ' ';
            }
        }

        return length > 0 && flat[length - 1] == ' ' ? length - 1 : length;
    }

    /// <summary>Where the first matched word starts; the text's length when nothing matched.</summary>
    private static int FirstMatch(ReadOnlySpan<char> text, SearchTerms terms)
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
            i = WordEnd(text, i);
            if (terms.Matches(text[start..i]))
            {
                return start;
            }
        }

        return text.Length;
    }

    /// <summary>Where the word starting at <paramref name="i"/> ends (a pair of surrogates is one character).</summary>
    private static int WordEnd(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && IsWordChar(text, i))
        {
            i += i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]) ? 2 : 1;
        }

        return i;
    }

    private static bool IsWordChar(ReadOnlySpan<char> text, int i) =>
        Rune.DecodeFromUtf16(text[i..], out var rune, out _) == OperationStatus.Done && Rune.IsLetterOrDigit(rune);
}
