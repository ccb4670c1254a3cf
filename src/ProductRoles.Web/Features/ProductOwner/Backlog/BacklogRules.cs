using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Domain.Backlog;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>Rules and parsing shared by the backlog's commands.</summary>
public static partial class BacklogRules
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TagPattern();

    /// <summary>"Wallets, refunds  wallets" → ["wallets", "refunds"]: lower-case, comma or space separated, no duplicates.</summary>
    public static IReadOnlyList<string> ParseTags(string? tags) =>
        string.IsNullOrWhiteSpace(tags)
            ? []
            : tags.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => t.TrimStart('#').ToLowerInvariant()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Non-empty lines, trimmed, with any leading list marker ("- ", "1. ", "[x] ") removed.</summary>
    public static IReadOnlyList<string> ParseLines(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split('\n').Select(l => l.Trim().TrimStart('-', '*').Trim()).Where(l => l.Length > 0).ToList();

    public static IRuleBuilderOptions<T, string?> ValidTags<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => ParseTags(t).Count <= BacklogItem.MaxTags).WithMessage($"Use at most {BacklogItem.MaxTags} tags.")
            .Must(t => ParseTags(t).All(tag => tag.Length <= BacklogItemTag.NameMaxLength && TagPattern().IsMatch(tag)))
            .WithMessage($"Tags are single words of letters, digits and dashes, up to {BacklogItemTag.NameMaxLength} characters.");

    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };
}

/// <summary>The badge colour of a backlog status on pages.</summary>
public static class BacklogBadges
{
    public static string For(BacklogItemStatus status) => status switch
    {
        BacklogItemStatus.Done => "badge-ok",
        BacklogItemStatus.InProgress or BacklogItemStatus.Planned => "badge-warn",
        BacklogItemStatus.Removed => "badge-bad",
        _ => "badge-stage",
    };
}
