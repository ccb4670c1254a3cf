using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>One link in a product's side navigation, shown only to roles that hold its permission.</summary>
public sealed record ProductNavItem(string Group, string Label, string Page, Permission Permission);

/// <summary>
/// The product navigation. A feature adds its pages here; the layout shows each link only to
/// those who may use it, so navigation and access can never disagree.
/// </summary>
public static class ProductNavigation
{
    public const string Overview = "Overview";
    public const string ProductManager = "Product manager";
    public const string ProductOwner = "Product owner";
    public const string Scrum = "Scrum";

    public static readonly IReadOnlyList<ProductNavItem> Items =
    [
        new(Overview, "Home", "/Products/Home", Permission.ViewProduct),
        new(Overview, "History", "/Products/History", Permission.ViewHistory),
        new(Overview, "Members", "/Products/Members", Permission.ViewMembers),
        new(Overview, "Settings", "/Products/Settings", Permission.EditProductSettings),
        new(ProductManager, "Vision", "/ProductManager/Vision/Index", Permission.ViewStrategy),
        new(ProductManager, "Goals", "/ProductManager/Goals/Index", Permission.ViewStrategy),
        new(ProductManager, "Market research", "/ProductManager/Research/Index", Permission.ViewStrategy),
        new(ProductManager, "Competitors", "/ProductManager/Research/Competitors", Permission.ViewStrategy),
        new(ProductManager, "Roadmap", "/ProductManager/Roadmap/Index", Permission.ViewStrategy),
        new(ProductManager, "Timeline", "/ProductManager/Roadmap/Timeline", Permission.ViewStrategy),
        new(ProductManager, "Roadmap feedback", "/ProductManager/Roadmap/Feedback", Permission.ViewStrategy),
        new(ProductManager, "Published roadmap", "/ProductManager/Roadmap/Published", Permission.ViewPublishedRoadmap),
        new(ProductOwner, "Customer feedback", "/ProductOwner/Feedback/Index", Permission.ViewCustomerFeedback),
        new(ProductOwner, "Product backlog", "/ProductOwner/Backlog/Index", Permission.ViewBacklog),
        new(ProductOwner, "Definition of Done", "/ProductOwner/DefinitionOfDone/Index", Permission.ViewBacklog),
        new(Scrum, "Sprints", "/Scrum/Sprints/Index", Permission.ViewSprints),
        new(Scrum, "Sprint reviews", "/Scrum/SprintReview/List", Permission.ViewSprintReview),
    ];

    public static IEnumerable<IGrouping<string, ProductNavItem>> For(ProductAccess access) =>
        Items.Where(i => access.Can(i.Permission)).GroupBy(i => i.Group);
}
