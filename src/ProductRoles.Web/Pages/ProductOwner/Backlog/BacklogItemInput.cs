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

    /// <summary>The form as it stands for a saved item (the edit form, and the base of an inline edit).</summary>
    public static BacklogItemInput From(BacklogItemDetails item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new BacklogItemInput
        {
            Type = item.Type, Title = item.Title, AsA = item.AsA, IWant = item.IWant, SoThat = item.SoThat, Description = item.Description,
            Estimate = item.Estimate, Status = item.Status, Tags = string.Join(", ", item.Tags),
            AcceptanceCriteria = string.Join("\n", item.AcceptanceCriteria.Select(c => c.Text)), RoadmapItemId = item.RoadmapItemId,
            Version = item.Version,
        };
    }

    public BacklogItemFields ToFields() =>
        new(Type, Title ?? "", AsA, IWant, SoThat, Description, Estimate, Status, Tags, AcceptanceCriteria, RoadmapItemId);
}
