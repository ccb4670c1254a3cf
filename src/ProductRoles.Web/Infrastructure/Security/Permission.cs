using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Infrastructure.Security;

/// <summary>What a request needs the caller to be allowed to do in the product it names.</summary>
public enum Permission
{
    ViewProduct,
    ViewHistory,
    ViewMembers,
    EditProductSettings,
    ManageMembers,
    ManageWebhooks,

    // Product manager area
    ViewStrategy,
    EditStrategy,
    ViewPublishedRoadmap,
    GiveRoadmapFeedback,
    ResolveRoadmapFeedback,

    // Product owner area
    ViewCustomerFeedback,
    AddCustomerFeedback,
    TriageCustomerFeedback,
    ViewBacklog,
    CreateBacklogItems,
    EditBacklogItems,
    OrderBacklog,
    CommentOnBacklogItems,
    EditDefinitionOfDone,
    ImportBacklog,

    // Scrum events
    ViewSprints,
    PlanSprints,
    MoveSprintCards,
    ViewSprintReview,
    EditSprintReview,
    GiveSprintReviewFeedback,
    ViewRetrospective,
    EditRetrospective,

    // Sharing with stakeholders
    ManageShareLinks,
    ShareRoadmap,
    ShareSprintReview,
    AskAboutPublishedRoadmap,
}

/// <summary>
/// The single table of who may do what. Pages, handlers and the API all ask it through the
/// authorization behaviour; nothing else decides access.
/// </summary>
public static class ProductPermissions
{
    private static readonly Permission[] AllMembers =
        [Permission.ViewProduct, Permission.ViewMembers, Permission.ViewPublishedRoadmap, Permission.ViewSprintReview,
         Permission.GiveSprintReviewFeedback];

    private static readonly Permission[] TeamMembers =
        [.. AllMembers, Permission.ViewHistory, Permission.ViewStrategy, Permission.GiveRoadmapFeedback,
         Permission.ViewCustomerFeedback, Permission.ViewBacklog, Permission.CommentOnBacklogItems, Permission.ViewSprints];

    private static readonly Permission[] ScrumTeam =
        [.. TeamMembers, Permission.EditBacklogItems, Permission.MoveSprintCards, Permission.ViewRetrospective,
         Permission.EditRetrospective];

    private static readonly Dictionary<ProductRole, HashSet<Permission>> ByRole = new()
    {
        [ProductRole.ProductManager] =
            [.. TeamMembers, Permission.EditProductSettings, Permission.EditStrategy, Permission.ResolveRoadmapFeedback,
             Permission.AddCustomerFeedback, Permission.ManageWebhooks, Permission.ManageShareLinks, Permission.ShareRoadmap],
        [ProductRole.ProductOwner] =
            [.. ScrumTeam, Permission.AddCustomerFeedback, Permission.TriageCustomerFeedback, Permission.CreateBacklogItems,
             Permission.OrderBacklog, Permission.EditDefinitionOfDone, Permission.PlanSprints, Permission.EditSprintReview,
             Permission.ManageWebhooks, Permission.ImportBacklog, Permission.ManageShareLinks, Permission.ShareSprintReview],
        [ProductRole.ScrumMaster] = [.. ScrumTeam, Permission.PlanSprints],
        [ProductRole.Developer] = [.. ScrumTeam],
        [ProductRole.Stakeholder] = [.. AllMembers, Permission.AskAboutPublishedRoadmap],
    };

    /// <summary>An administrator who is not a member may run the product, not read its content.</summary>
    private static readonly HashSet<Permission> Administrator =
        [Permission.ViewProduct, Permission.ViewMembers, Permission.ViewHistory, Permission.EditProductSettings,
         Permission.ManageMembers];

    public static bool Allows(ProductRole? role, bool isAdministrator, Permission permission) =>
        (role is { } r && ByRole[r].Contains(permission)) || (isAdministrator && Administrator.Contains(permission));
}
