using System.Text;
using System.Text.RegularExpressions;

namespace ProductRoles.Web.Domain.Backlog.Import;

/// <summary>
/// Jira wiki markup → Markdown, as far as Markdown carries it: headings, bullet and numbered lists,
/// bold, italic, strike-through, inline code and code blocks, quotes, links, mentions and tables.
/// The result is Markdown like any other description, so it is sanitised when rendered.
/// </summary>
public static partial class JiraMarkup
{
    [GeneratedRegex(@"^h(?<level>[1-6])\.\s*(?<text>.*)$", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?<marker>[*#-]+)\s+(?<text>.*)$", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\{(?<kind>code|noformat)(?::(?<lang>[^}|]*))?[^}]*\}(?<rest>.*)$", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"\{\{(?<code>.+?)\}\}", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\[(?<text>[^\]|\n]+)\|(?<url>[^\]\n]+)\]", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NamedLink();

    [GeneratedRegex(@"\[~(?<user>[^\]\n]+)\]", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Mention();

    [GeneratedRegex(@"\[(?<url>(?:https?|mailto):[^\]\s]+)\]", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BareLink();

    [GeneratedRegex(@"(?<![\w*])\*(?![\s*])(?<text>[^*\n]+?)(?<!\s)\*(?![\w*])", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w_])_(?![\s_])(?<text>[^_\n]+?)(?<!\s)_(?![\w_])", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Italic();

    [GeneratedRegex(@"(?<![\w-])-(?![\s-])(?<text>[^-\n]+?)(?<!\s)-(?![\w-])", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Strike();

    [GeneratedRegex(@"\u0001(?<n>\d+)\u0001", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();

    public static string ToMarkdown(string? markup)
    {
        if (string.IsNullOrWhiteSpace(markup))
        {
            return string.Empty;
        }

        try
        {
            return Convert(markup);
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological input: keep the text as it is rather than fail the row.
            return markup.Trim();
        }
    }

    private static string Convert(string markup)
    {
        var converter = new Converter(markup.Length);
        foreach (var line in markup.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            converter.Line(line);
        }

        return converter.Finish();
    }

    /// <summary>Line by line, with the little state Jira's blocks need: inside a code block, a quote or a table.</summary>
    private sealed class Converter(int length)
    {
        private readonly StringBuilder _output = new(length + 64);
        private string? _block; // "code" or "noformat" while inside one
        private bool _inQuote;
        private int _tableRow;

        public void Line(string raw)
        {
            if (_block is not null)
            {
                InsideBlock(raw);
                return;
            }

            var line = raw.TrimEnd();
            var trimmed = line.TrimStart();
            if (BlockStart().Match(trimmed) is { Success: true } start)
            {
                StartBlock(start);
                return;
            }

            if (trimmed.StartsWith("{quote}", StringComparison.Ordinal))
            {
                _inQuote = !_inQuote;
                trimmed = trimmed["{quote}".Length..];
                line = trimmed;
                if (trimmed.Length == 0)
                {
                    return;
                }
            }

            var prefix = _inQuote ? "> " : "";
            if (trimmed.StartsWith('|'))
            {
                Table(trimmed, prefix);
                return;
            }

            if (_tableRow > 0)
            {
                _tableRow = 0;
                _output.Append('\n');
            }

            Text(line, trimmed, prefix);
        }

        public string Finish()
        {
            if (_block is not null)
            {
                _output.Append("```\n");
            }

            return _output.ToString().TrimEnd();
        }

        private void InsideBlock(string raw)
        {
            var end = raw.IndexOf("{" + _block + "}", StringComparison.Ordinal);
            if (end < 0)
            {
                _output.Append(raw).Append('\n');
                return;
            }

            _output.Append(raw.AsSpan(0, end)).Append(end > 0 ? "\n" : "").Append("```\n");
            _block = null;
        }

        private void StartBlock(Match start)
        {
            _tableRow = 0;
            _block = start.Groups["kind"].Value;
            _output.Append("```").Append(start.Groups["lang"].Value.Trim()).Append('\n');
            var rest = start.Groups["rest"].Value;
            var close = rest.IndexOf("{" + _block + "}", StringComparison.Ordinal);
            if (close >= 0)
            {
                _output.Append(rest.AsSpan(0, close)).Append("\n```\n");
                _block = null;
            }
            else if (rest.Length > 0)
            {
                _output.Append(rest).Append('\n');
            }
        }

        private void Table(string trimmed, string prefix)
        {
            _output.Append(prefix).Append(TableRow(trimmed, out var header)).Append('\n');
            if (_tableRow == 0)
            {
                // Markdown needs a header row; Jira's is "||", and a table without one uses its first row.
                var cells = Math.Max(1, CountCells(trimmed, header));
                _output.Append(prefix).Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", cells))).Append('\n');
            }

            _tableRow++;
        }

        private void Text(string line, string trimmed, string prefix)
        {
            if (trimmed == "----")
            {
                _output.Append(prefix).Append("---\n");
            }
            else if (Heading().Match(trimmed) is { Success: true } heading)
            {
                _output.Append(prefix).Append('#', heading.Groups["level"].Value[0] - '0').Append(' ').Append(Inline(heading.Groups["text"].Value)).Append('\n');
            }
            else if (trimmed.StartsWith("bq. ", StringComparison.Ordinal))
            {
                _output.Append("> ").Append(Inline(trimmed[4..])).Append('\n');
            }
            else if (ListItem().Match(trimmed) is { Success: true } item && !(item.Groups["marker"].Value.Length > 1 && item.Groups["marker"].Value.All(c => c == '-')))
            {
                var marker = item.Groups["marker"].Value;
                var depth = marker.Length - 1;
                var numbered = marker[^1] == '#';
                _output.Append(prefix).Append(' ', depth * (numbered ? 3 : 2)).Append(numbered ? "1. " : "- ")
                    .Append(Inline(item.Groups["text"].Value)).Append('\n');
            }
            else
            {
                _output.Append(prefix).Append(Inline(line)).Append('\n');
            }
        }
    }

    private static string TableRow(string line, out bool header)
    {
        header = line.StartsWith("||", StringComparison.Ordinal);
        var cells = Cells(line, header);
        return "| " + string.Join(" | ", cells.Select(c => Inline(c).Replace("|", "\\|", StringComparison.Ordinal))) + " |";
    }

    private static int CountCells(string line, bool header) => Cells(line, header).Count;

    private static List<string> Cells(string line, bool header)
    {
        var separator = header ? "||" : "|";
        var body = line.Trim();
        body = body.StartsWith(separator, StringComparison.Ordinal) ? body[separator.Length..] : body.TrimStart('|');
        if (body.EndsWith(separator, StringComparison.Ordinal))
        {
            body = body[..^separator.Length];
        }

        return [.. body.Split(separator).Select(c => c.Trim())];
    }

    // Code spans are set aside first, so nothing inside them is read as markup.
    private static string Inline(string text)
    {
        var spans = new List<string>();
        text = InlineCode().Replace(text, m =>
        {
            spans.Add("`" + m.Groups["code"].Value + "`");
            return "\u0001" + (spans.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u0001";
        });
        text = NamedLink().Replace(text, m => Keep(spans, $"[{m.Groups["text"].Value.Trim()}]({m.Groups["url"].Value.Trim()})"));
        text = BareLink().Replace(text, m => Keep(spans, $"<{m.Groups["url"].Value}>"));
        text = Mention().Replace(text, m => "@" + m.Groups["user"].Value.Trim());
        text = Bold().Replace(text, "**${text}**");
        text = Italic().Replace(text, "*${text}*");
        text = Strike().Replace(text, "~~${text}~~");
        return Placeholder().Replace(text, m => spans[int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)]);
    }

    private static string Keep(List<string> spans, string markdown)
    {
        spans.Add(markdown);
        return "\u0001" + (spans.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u0001";
    }
}
