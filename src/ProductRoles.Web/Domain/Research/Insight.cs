using System.ComponentModel.DataAnnotations;

namespace ProductRoles.Web.Domain.Research;

public enum InsightKind
{
    [Display(Name = "Market trend")]
    MarketTrend,
    [Display(Name = "Competitor")]
    Competitor,
    [Display(Name = "Customer interview")]
    CustomerInterview,
    [Display(Name = "Survey")]
    Survey,
    [Display(Name = "Analytics")]
    Analytics,
    [Display(Name = "Support signal")]
    SupportSignal,
}

/// <summary>A finding from market research; may be marked as a new opportunity.</summary>
public sealed class Insight : IVersioned, IAudited, IProductOwned
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 8000;
    public const int SourceMaxLength = 300;
    public const int TagsMaxLength = 300;
    public const int TagMaxLength = 40;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public InsightKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>Markdown; rendered only through the sanitising renderer.</summary>
    public string Summary { get; set; } = string.Empty;

    public string? Source { get; set; }
    public DateOnly ObservedOn { get; set; }

    /// <summary>Lower-case tags, stored as ",tag1,tag2," so one tag matches exactly with a LIKE.</summary>
    public string Tags { get; set; } = string.Empty;

    public bool IsOpportunity { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<string> TagList => Tags.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string NormaliseTags(string? tags) =>
        string.Join(',', ParseTags(tags)) is { Length: > 0 } joined ? $",{joined}," : string.Empty;

    public static IReadOnlyList<string> ParseTags(string? tags) =>
        (tags ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => Title;
}
