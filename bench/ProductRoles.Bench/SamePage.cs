using System.Text.RegularExpressions;

namespace ProductRoles.Bench;

/// <summary>
/// Whether the baseline wrote the app's page: the same markup once layout whitespace is collapsed and
/// the per-request antiforgery tokens are blanked. A baseline that drifts from the page it stands for
/// measures something else, so the benchmark refuses to compare the two.
/// </summary>
public static partial class SamePage
{
    /// <summary>Null when both pages are the same, else a short excerpt of each around the first difference.</summary>
    public static string? Difference(string app, string baseline)
    {
        var a = Normalise(app);
        var b = Normalise(baseline);
        var at = 0;
        while (at < a.Length && at < b.Length && a[at] == b[at])
        {
            at++;
        }

        if (at == a.Length && at == b.Length)
        {
            return null;
        }

        var from = Math.Max(0, at - 80);
        return $"app: …{a[from..Math.Min(a.Length, at + 120)]}…\nbaseline: …{b[from..Math.Min(b.Length, at + 120)]}…";
    }

    private static string Normalise(string html) =>
        Whitespace().Replace(BetweenTags().Replace(Token().Replace(html, "value=\"token\""), "><"), " ").Trim();

    [GeneratedRegex("value=\"CfDJ[^\"]*\"")]
    private static partial Regex Token();

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
