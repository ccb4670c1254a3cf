using System.Collections.Concurrent;
using System.Globalization;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Infrastructure.Live;

/// <summary>
/// What live pages listen to, and who may hear it. A topic names a thing a page shows ("backlog",
/// "backlog-item:12", "sprint:5"); each kind of topic needs the permission its page needs, from the
/// same table pages use (<see cref="ProductPermissions"/>). Presence uses the same names for the page
/// someone is looking at. The audience groups are per product and per permission, so a connection
/// hears only what its role may load as a page.
/// </summary>
public static class LiveTopics
{
    public const string Home = "home";
    public const string Backlog = "backlog";
    public const string Sprints = "sprints";
    public const string SprintItems = "sprint-items";
    public const string Roadmap = "roadmap";
    public const string RoadmapFeedback = "roadmap-feedback";
    public const string PublishedRoadmap = "roadmap-published";
    public const string SprintReviews = "sprint-reviews";
    public const string Feedback = "feedback";

    private static readonly Dictionary<string, (Permission Permission, bool HasId)> Kinds = new(StringComparer.Ordinal)
    {
        [Home] = (Permission.ViewProduct, false),
        [Backlog] = (Permission.ViewBacklog, false),
        ["backlog-item"] = (Permission.ViewBacklog, true),
        [Sprints] = (Permission.ViewSprints, false),
        [SprintItems] = (Permission.ViewSprints, false),
        ["sprint"] = (Permission.ViewSprints, true),
        ["sprint-board"] = (Permission.ViewSprints, true),
        [Roadmap] = (Permission.ViewStrategy, false),
        [RoadmapFeedback] = (Permission.ViewStrategy, false),
        ["roadmap-item"] = (Permission.ViewStrategy, true),
        [PublishedRoadmap] = (Permission.ViewPublishedRoadmap, false),
        [SprintReviews] = (Permission.ViewSprintReview, false),
        ["sprint-review"] = (Permission.ViewSprintReview, true),
        [Feedback] = (Permission.ViewCustomerFeedback, false),
        ["feedback-item"] = (Permission.ViewCustomerFeedback, true),
    };

    /// <summary>The permissions that have an audience group: every permission some topic needs.</summary>
    public static IReadOnlyList<Permission> Audiences { get; } = [.. Kinds.Values.Select(k => k.Permission).Distinct()];

    public static string BacklogItem(int id) => WithId("backlog-item", id);

    public static string Sprint(int id) => WithId("sprint", id);

    /// <summary>The sprint board, as a page people look at (its changes are the sprint's).</summary>
    public static string SprintBoard(int sprintId) => WithId("sprint-board", sprintId);

    public static string RoadmapItem(int id) => WithId("roadmap-item", id);

    public static string SprintReview(int sprintId) => WithId("sprint-review", sprintId);

    public static string FeedbackItem(int id) => WithId("feedback-item", id);

    /// <summary>The permission needed to hear a topic (or look at a page) of this name; null when it is no topic at all.</summary>
    public static Permission? PermissionFor(string? topic)
    {
        if (string.IsNullOrEmpty(topic) || topic.Length > 64)
        {
            return null;
        }

        var colon = topic.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? topic : topic[..colon];
        if (!Kinds.TryGetValue(kind, out var found))
        {
            return null;
        }

        if (!found.HasId)
        {
            return colon < 0 ? found.Permission : null;
        }

        return colon > 0 && int.TryParse(topic.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? found.Permission
            : null;
    }

    /// <summary>The group of a product's connections whose role has the permission.</summary>
    public static string AudienceGroup(int productId, Permission permission) =>
        AudienceGroups.GetOrAdd((productId, permission), key => string.Create(CultureInfo.InvariantCulture, $"live:{key.ProductId}:{key.Permission}"));

    // Every connection joins several of these: one string per group, not one per connection and group.
    private static readonly ConcurrentDictionary<(int ProductId, Permission Permission), string> AudienceGroups = new();

    /// <summary>The group of a product's connections looking at one page (for presence).</summary>
    public static string ViewGroup(int productId, string view) =>
        string.Create(CultureInfo.InvariantCulture, $"view:{productId}:{view}");

    private static string WithId(string kind, int id) => string.Create(CultureInfo.InvariantCulture, $"{kind}:{id}");
}
