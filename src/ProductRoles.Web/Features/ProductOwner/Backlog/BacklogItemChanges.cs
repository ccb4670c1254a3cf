using System.Globalization;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Infrastructure.Events;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>What a reader sees of an item's fields, to tell the backlog events what an edit changed.</summary>
internal sealed record BacklogItemSnapshot(
    int Id, string Type, string Title, string Story, string? Description, string? Estimate, BacklogItemStatus Status, string Tags,
    string? RoadmapItem, string AcceptanceCriteria)
{
    public static BacklogItemSnapshot Of(BacklogItem item) => new(
        item.Id, item.Type.Display(), item.Title, string.Join(" / ", item.AsA, item.IWant, item.SoThat),
        // A browser posts a textarea's lines with CR LF: that alone is no change a reader would see.
        item.Description?.ReplaceLineEndings("\n"),
        item.Estimate?.ToString(CultureInfo.InvariantCulture), item.Status,
        string.Join(", ", item.Tags.Select(t => t.Name).Order(StringComparer.Ordinal)),
        item.RoadmapItemId is { } roadmapItemId ? "#" + roadmapItemId.ToString(CultureInfo.InvariantCulture) : null,
        string.Join("\n", item.AcceptanceCriteria.OrderBy(c => c.Position).Select(c => (c.IsMet ? "[x] " : "[ ] ") + c.Text)));

    /// <summary>Raises BacklogItemChanged for the fields that differ (and BacklogItemRemoved when it became Removed).</summary>
    public static void RaiseChanges(DomainEvents events, int productId, string? actorId, BacklogItemSnapshot before, BacklogItemSnapshot after)
    {
        var changes = FieldChange.Between(
            ("Type", before.Type, after.Type),
            ("Title", before.Title, after.Title),
            ("Story", before.Story, after.Story),
            ("Estimate", before.Estimate, after.Estimate),
            ("Status", before.Status.Display(), after.Status.Display()),
            ("Tags", before.Tags, after.Tags),
            ("Roadmap item", before.RoadmapItem, after.RoadmapItem),
            ("Acceptance criteria", before.AcceptanceCriteria, after.AcceptanceCriteria)).ToList();
        if (!string.Equals(before.Description, after.Description, StringComparison.Ordinal))
        {
            // Descriptions can be long: the event says that it changed; the item's history has both texts.
            changes.Add(new FieldChange("Description", null, null));
        }

        if (changes.Count > 0)
        {
            events.Raise(new BacklogItemChanged(productId, after.Id, actorId, changes));
        }

        if (after.Status == BacklogItemStatus.Removed && before.Status != BacklogItemStatus.Removed)
        {
            events.Raise(new BacklogItemRemoved(productId, after.Id, actorId));
        }
    }
}
