using System.Text.RegularExpressions;

namespace ProductRoles.Web.Domain.Notifications;

/// <summary>
/// The @mentions in a text, as the comment view shows them: "@dev" or "@dev@demo.local". Which of them
/// name real members is the reader's business (they hold the member list).
/// </summary>
public static partial class MentionHandles
{
    [GeneratedRegex(@"@(?<handle>[A-Za-z0-9._%+-]+(?:@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();

    /// <summary>The mentioned handles or emails, lower case, without a trailing full stop.</summary>
    public static IReadOnlySet<string> In(string? text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return found;
        }

        foreach (Match match in Pattern().Matches(text))
        {
            found.Add(match.Groups["handle"].Value.TrimEnd('.').ToLowerInvariant());
        }

        return found;
    }

    /// <summary>The handle a member is mentioned by: the part of their email before the @.</summary>
    public static string Of(string email) => email.Split('@')[0].ToLowerInvariant();
}
