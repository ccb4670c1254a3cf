using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Web.Pages.ProductOwner.Backlog;

/// <summary>The backlog item form as pages bind it (partial _ItemFields).</summary>
public sealed class BacklogItemInput
{
    public BacklogItemType Type { get; set; }
    public string? Title { get; set; }
    public string? AsA { get; set; }
    public string? IWant { get; set; }
    public string? SoThat { get; set; }
    public string? Description { get; set; }
    public int? Estimate { get; set; }
    public BacklogItemStatus Status { get; set; }
    public string? Tags { get; set; }
    public string? AcceptanceCriteria { get; set; }
    public int? RoadmapItemId { get; set; }
    public int Version { get; set; }

    public BacklogItemFields ToFields() =>
        new(Type, Title ?? "", AsA, IWant, SoThat, Description, Estimate, Status, Tags, AcceptanceCriteria, RoadmapItemId);
}
