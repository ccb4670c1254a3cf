using System.ComponentModel.DataAnnotations;

namespace ProductRoles.Web.Domain.Roadmap;

/// <summary>One item as a publish showed it: the roadmap item it came from, its heading and its horizon.</summary>
public sealed record PublishedEntry(int RoadmapItemId, string Title, RoadmapHorizon Horizon);

public enum RoadmapChangeKind
{
    [Display(Name = "Added")]
    Added,
    [Display(Name = "Moved")]
    Moved,
    [Display(Name = "Dropped")]
    Dropped,
}

/// <summary>One difference between two publishes. <see cref="From"/> is set for moved and dropped items, <see cref="To"/> for added and moved ones.</summary>
public sealed record RoadmapChange(RoadmapChangeKind Kind, int RoadmapItemId, string Title, RoadmapHorizon? From, RoadmapHorizon? To);

/// <summary>
/// What changed on the published roadmap since the previous publish, as stakeholders read it: items
/// added, items moved between horizons (Now, Next, Later), items dropped. Items are matched by the
/// roadmap item they came from, so a renamed item is neither added nor dropped; a dropped item shows
/// under the heading it last had. Within a publish's own horizon the order is the product manager's
/// business and is not news. The first publish has nothing to compare with: no changes.
/// </summary>
public static class RoadmapChanges
{
    public static IReadOnlyList<RoadmapChange> Between(IReadOnlyList<PublishedEntry>? previous, IReadOnlyList<PublishedEntry> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (previous is null)
        {
            return [];
        }

        var before = previous.GroupBy(e => e.RoadmapItemId).ToDictionary(g => g.Key, g => g.First());
        var now = current.GroupBy(e => e.RoadmapItemId).ToDictionary(g => g.Key, g => g.First());
        var changes = new List<RoadmapChange>();
        foreach (var entry in now.Values)
        {
            if (!before.TryGetValue(entry.RoadmapItemId, out var was))
            {
                changes.Add(new RoadmapChange(RoadmapChangeKind.Added, entry.RoadmapItemId, entry.Title, null, entry.Horizon));
            }
            else if (was.Horizon != entry.Horizon)
            {
                changes.Add(new RoadmapChange(RoadmapChangeKind.Moved, entry.RoadmapItemId, entry.Title, was.Horizon, entry.Horizon));
            }
        }

        changes.AddRange(before.Values.Where(e => !now.ContainsKey(e.RoadmapItemId))
            .Select(e => new RoadmapChange(RoadmapChangeKind.Dropped, e.RoadmapItemId, e.Title, e.Horizon, null)));

        // Added, moved, dropped; within each, by the horizon it is in now (or was in), then by heading.
        return [.. changes.OrderBy(c => c.Kind).ThenBy(c => c.To ?? c.From).ThenBy(c => c.Title, StringComparer.CurrentCulture)];
    }
}
