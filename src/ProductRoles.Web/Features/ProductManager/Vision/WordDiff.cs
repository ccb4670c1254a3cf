namespace ProductRoles.Web.Features.ProductManager.Vision;

/// <summary>
/// A line-aware word diff of two texts, as a reader compares them: lines are matched first, and only a
/// changed line paired with its rewritten version is compared word by word. Diffing all words at once
/// pairs a word on one line with the same word on another, so a word shows as added on one line and
/// removed on the next.
/// </summary>
public static class WordDiff
{
    private const int MaxItems = 2000;

    // A changed block bigger than this (removed × added lines) pairs its lines in order instead of by likeness.
    private const int MaxPairingCells = 400;

    // Lines sharing less than this share of their words are a removal and an addition, not an edit.
    private const double MinLikeness = 0.4;

    public static IReadOnlyList<DiffSegment> Compare(string before, string after)
    {
        // Browsers post CRLF; a line ending is not a change worth showing.
        before = before.ReplaceLineEndings("\n");
        after = after.ReplaceLineEndings("\n");
        var lines = Diff(Lines(before), Lines(after));
        if (lines is null)
        {
            return [new DiffSegment(DiffKind.Removed, before), new DiffSegment(DiffKind.Added, after)];
        }

        var output = new Output();
        var removed = new List<string>();
        var added = new List<string>();
        foreach (var (kind, line) in lines)
        {
            switch (kind)
            {
                case DiffKind.Removed:
                    removed.Add(line);
                    break;
                case DiffKind.Added:
                    added.Add(line);
                    break;
                default:
                    FlushChangedBlock(output, removed, added);
                    output.Line(DiffKind.Same, line);
                    break;
            }
        }

        FlushChangedBlock(output, removed, added);
        return output.Segments;
    }

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.Split('\n');

    /// <summary>
    /// A run of removed and added lines between unchanged ones: lines that are edits of each other are
    /// paired (in order, most alike first) and diffed word by word; the rest are whole removed or added lines.
    /// </summary>
    private static void FlushChangedBlock(Output output, List<string> removed, List<string> added)
    {
        var r = 0;
        var a = 0;
        foreach (var (i, j) in Pair(removed, added))
        {
            for (; r < i; r++)
            {
                output.Line(DiffKind.Removed, removed[r]);
            }

            for (; a < j; a++)
            {
                output.Line(DiffKind.Added, added[a]);
            }

            output.EditedLine(WordsOf(removed[r++]), WordsOf(added[a++]));
        }

        for (; r < removed.Count; r++)
        {
            output.Line(DiffKind.Removed, removed[r]);
        }

        for (; a < added.Count; a++)
        {
            output.Line(DiffKind.Added, added[a]);
        }

        removed.Clear();
        added.Clear();
    }

    /// <summary>Pairs of (removed, added) line indexes, both increasing, that maximise the summed likeness.</summary>
    private static List<(int Removed, int Added)> Pair(List<string> removed, List<string> added)
    {
        var pairs = new List<(int, int)>();
        if (removed.Count == 0 || added.Count == 0)
        {
            return pairs;
        }

        if (removed.Count * added.Count > MaxPairingCells)
        {
            for (var n = 0; n < Math.Min(removed.Count, added.Count); n++)
            {
                if (Likeness(removed[n], added[n]) >= MinLikeness)
                {
                    pairs.Add((n, n));
                }
            }

            return pairs;
        }

        var likeness = new double[removed.Count, added.Count];
        for (var i = 0; i < removed.Count; i++)
        {
            for (var j = 0; j < added.Count; j++)
            {
                var l = Likeness(removed[i], added[j]);
                likeness[i, j] = l >= MinLikeness ? l : 0;
            }
        }

        var best = new double[removed.Count + 1, added.Count + 1];
        for (var i = removed.Count - 1; i >= 0; i--)
        {
            for (var j = added.Count - 1; j >= 0; j--)
            {
                var paired = likeness[i, j] > 0 ? likeness[i, j] + best[i + 1, j + 1] : 0;
                best[i, j] = Math.Max(paired, Math.Max(best[i + 1, j], best[i, j + 1]));
            }
        }

        for (int i = 0, j = 0; i < removed.Count && j < added.Count;)
        {
            if (likeness[i, j] > 0 && best[i, j] == likeness[i, j] + best[i + 1, j + 1])
            {
                pairs.Add((i, j));
                i++;
                j++;
            }
            else if (best[i, j] == best[i + 1, j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return pairs;
    }

    /// <summary>Share of words two lines have in common, in order (0 to 1).</summary>
    private static double Likeness(string before, string after)
    {
        var a = before.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var b = after.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (a.Length + b.Length == 0)
        {
            return 1;
        }

        var common = Diff(a, b)?.Count(d => d.Kind == DiffKind.Same) ?? 0;
        return 2.0 * common / (a.Length + b.Length);
    }

    /// <summary>Longest common subsequence of two lists, removals before additions; null when too long to compare.</summary>
    private static List<(DiffKind Kind, string Text)>? Diff(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count > MaxItems || b.Count > MaxItems)
        {
            return null;
        }

        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal)
                    ? lcs[i + 1, j + 1] + 1
                    : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var result = new List<(DiffKind, string)>(a.Count + b.Count);
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                result.Add((DiffKind.Same, a[x]));
                x++;
                y++;
            }
            else if (x < a.Count && (y == b.Count || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                result.Add((DiffKind.Removed, a[x]));
                x++;
            }
            else
            {
                result.Add((DiffKind.Added, b[y]));
                y++;
            }
        }

        return result;
    }

    // A word with the whitespace before it: a changed word at the end of a line then takes its space along
    // ("pay in| one step|") and the unchanged words before it read as one piece.
    private static List<string> WordsOf(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            var wordEnded = i < text.Length && char.IsWhiteSpace(text[i]) && !char.IsWhiteSpace(text[i - 1]);
            if (i == text.Length || wordEnded)
            {
                tokens.Add(text[start..i]);
                start = i;
            }
        }

        return tokens;
    }

    /// <summary>Collects segments line by line, merging neighbours of the same kind.</summary>
    private sealed class Output
    {
        private bool _beforeStarted;
        private bool _afterStarted;

        public List<DiffSegment> Segments { get; } = [];

        /// <summary>A whole line, unchanged, removed or added.</summary>
        public void Line(DiffKind kind, string text)
        {
            LineBreak(kind != DiffKind.Added, kind != DiffKind.Removed);
            Append(kind, text);
        }

        /// <summary>A line and its rewritten version, word by word.</summary>
        public void EditedLine(List<string> before, List<string> after)
        {
            LineBreak(inBefore: true, inAfter: true);
            var words = Diff(before, after);
            if (words is null)
            {
                Append(DiffKind.Removed, string.Concat(before));
                Append(DiffKind.Added, string.Concat(after));
                return;
            }

            foreach (var (kind, word) in words)
            {
                Append(kind, word);
            }
        }

        // The break before a line is in a text only if an earlier line of that text precedes it, so the
        // segments still spell out both texts exactly.
        private void LineBreak(bool inBefore, bool inAfter)
        {
            var inOld = inBefore && _beforeStarted;
            var inNew = inAfter && _afterStarted;
            if (inOld || inNew)
            {
                Append(inOld && inNew ? DiffKind.Same : inOld ? DiffKind.Removed : DiffKind.Added, "\n");
            }

            _beforeStarted |= inBefore;
            _afterStarted |= inAfter;
        }

        private void Append(DiffKind kind, string text)
        {
            if (text.Length == 0)
            {
                return;
            }

            if (Segments.Count > 0 && Segments[^1].Kind == kind)
            {
                Segments[^1] = Segments[^1] with { Text = Segments[^1].Text + text };
            }
            else
            {
                Segments.Add(new DiffSegment(kind, text));
            }
        }
    }
}
