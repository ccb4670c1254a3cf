using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>One link in a product's side navigation, shown only to roles that hold its permission.</summary>
public sealed record ProductNavItem(string Group, string Label, string Page, Permission Permission);

/// <summary>
/// The product navigation. A feature adds its pages here; the layout shows each link only to
/// those who may use it, so navigation and access can never disagree. Groups are named by what they
/// hold, not by a role, because every role sees some of each (a stakeholder's roadmap is the
/// published one, a developer reads the vision).
/// </summary>
public static class ProductNavigation
{
    public const string Overview = "Overview";
    public const string Strategy = "Strategy";
    public const string Roadmap = "Roadmap";
    public const string Backlog = "Backlog";
    public const string Sprints = "Sprints";

    public static readonly IReadOnlyList<ProductNavItem> Items =
    [
        new(Overview, "Home", "/Products/Home", Permission.ViewProduct),
        new(Overview, "History", "/Products/History", Permission.ViewHistory),
        new(Overview, "Members", "/Products/Members", Permission.ViewMembers),
        new(Overview, "Settings", "/Products/Settings", Permission.EditProductSettings),
        new(Overview, "Webhooks", "/Products/Webhooks/Index", Permission.ManageWebhooks),
        new(Overview, "Share links", "/Sharing/Index", Permission.ManageShareLinks),
        new(Strategy, "Vision", "/ProductManager/Vision/Index", Permission.ViewStrategy),
        new(Strategy, "Goals", "/ProductManager/Goals/Index", Permission.ViewStrategy),
        new(Strategy, "Market research", "/ProductManager/Research/Index", Permission.ViewStrategy),
        new(Strategy, "Competitors", "/ProductManager/Research/Competitors", Permission.ViewStrategy),
        new(Roadmap, "Roadmap", "/ProductManager/Roadmap/Index", Permission.ViewStrategy),
        new(Roadmap, "Timeline", "/ProductManager/Roadmap/Timeline", Permission.ViewStrategy),
        new(Roadmap, "Roadmap feedback", "/ProductManager/Roadmap/Feedback", Permission.ViewStrategy),
        new(Roadmap, "Published roadmap", "/ProductManager/Roadmap/Published", Permission.ViewPublishedRoadmap),
        new(Backlog, "Customer feedback", "/ProductOwner/Feedback/Index", Permission.ViewCustomerFeedback),
        new(Backlog, "Product backlog", "/ProductOwner/Backlog/Index", Permission.ViewBacklog),
        new(Backlog, "Definition of Done", "/ProductOwner/DefinitionOfDone/Index", Permission.ViewBacklog),
        new(Sprints, "Sprints", "/Scrum/Sprints/Index", Permission.ViewSprints),
        new(Sprints, "Sprint reviews", "/Scrum/SprintReview/List", Permission.ViewSprintReview),
    ];

    public static IEnumerable<IGrouping<string, ProductNavItem>> For(ProductAccess access) =>
        Items.Where(i => access.Can(i.Permission)).GroupBy(i => i.Group, StringComparer.Ordinal);
}
