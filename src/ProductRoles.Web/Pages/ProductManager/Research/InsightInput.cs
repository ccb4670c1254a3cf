using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Features.ProductManager.Research;

namespace ProductRoles.Web.Pages.ProductManager.Research;

public sealed class InsightInput
{
    public InsightKind Kind { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Source { get; set; }
    public DateOnly? ObservedOn { get; set; }
    public string? Tags { get; set; }
    public bool IsOpportunity { get; set; }
    public int Version { get; set; }

    public RecordInsight ToRecord(string slug) =>
        new(slug, Kind, Title ?? "", Summary, Source, ObservedOn, Tags, IsOpportunity);

    public EditInsight ToEdit(string slug, int id) =>
        new(slug, id, Kind, Title ?? "", Summary, Source, ObservedOn, Tags, IsOpportunity, Version);

    public static InsightInput From(InsightView insight) => new()
    {
        Kind = insight.Kind, Title = insight.Title, Summary = insight.Summary, Source = insight.Source, ObservedOn = insight.ObservedOn,
        Tags = string.Join(", ", insight.Tags), IsOpportunity = insight.IsOpportunity, Version = insight.Version,
    };
}
