using System.Collections.Concurrent;
using System.Globalization;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Infrastructure.Live;

/// <summary>
/// What live pages listen to, and who may hear it. A topic names a thing a page shows ("backlog",
/// "backlog-item:12", "sprint:5"); each kind of topic needs the permission its page needs, from the
/// same table pages use (<see cref="ProductPermissions"/>). Presence uses the same names for the page
/// someone is looking at. The audience groups are per product and per kind of access (the permissions
/// with topics that a role allows), so a connection hears only what its role may load as a page.
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

    /// <summary>
    /// The one audience group a connection joins: the product's connections whose access hears the same
    /// audiences (<see cref="Audiences"/> its role and administrator flag allow), one group for all of them.
    /// One group per connection instead of one per permission: each membership is an entry the connection
    /// holds for as long as it is open.
    /// </summary>
    public static string AudienceGroup(ProductAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return GroupName(access.ProductId, Hearing(access.Role, access.IsAdministrator));
    }

    /// <summary>Every audience group of a product that hears the permission's topics: where a change of that audience is sent.</summary>
    public static IReadOnlyList<string> GroupsHearing(int productId, Permission audience) =>
        GroupsByAudience.GetOrAdd((productId, audience), key =>
            [.. AccessKinds.Where(hears => (hears & Bit(key.Audience)) != 0).Select(hears => GroupName(key.ProductId, hears))]);

    // The audiences one access hears, as bits in the order of Audiences.
    private static int Hearing(ProductRole? role, bool isAdministrator) =>
        Audiences.Select((permission, n) => ProductPermissions.Allows(role, isAdministrator, permission) ? 1 << n : 0).Sum();

    private static int Bit(Permission audience) => 1 << Audiences.ToList().IndexOf(audience);

    // Every kind of access there is (each role, with and without the administrator flag, and an administrator who is no member).
    private static readonly int[] AccessKinds =
    [
        .. Enum.GetValues<ProductRole>().Select(r => (ProductRole?)r).Append(null)
            .SelectMany(role => new[] { Hearing(role, false), Hearing(role, true) })
            .Where(hears => hears != 0).Distinct(),
    ];

    private static string GroupName(int productId, int hears) =>
        AudienceGroups.GetOrAdd((productId, hears), key => string.Create(CultureInfo.InvariantCulture, $"live:{key.ProductId}:{key.Hears}"));

    // Every connection of a kind joins the same group: one string per group, not one per connection.
    private static readonly ConcurrentDictionary<(int ProductId, int Hears), string> AudienceGroups = new();

    private static readonly ConcurrentDictionary<(int ProductId, Permission Audience), string[]> GroupsByAudience = new();

    private static string WithId(string kind, int id) => string.Create(CultureInfo.InvariantCulture, $"{kind}:{id}");
}
