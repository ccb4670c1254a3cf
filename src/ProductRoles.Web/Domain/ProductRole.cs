namespace ProductRoles.Web.Domain;

/// <summary>The role a user holds in one product. Roles are per product, never global.</summary>
public enum ProductRole
{
    ProductManager,
    ProductOwner,
    ScrumMaster,
    Developer,
    Stakeholder,
}

public static class ProductRoleNames
{
    public static string Display(this ProductRole role) => role switch
    {
        ProductRole.ProductManager => "Product manager",
        ProductRole.ProductOwner => "Product owner",
        ProductRole.ScrumMaster => "Scrum master",
        ProductRole.Developer => "Developer",
        ProductRole.Stakeholder => "Stakeholder",
        _ => role.ToString(),
    };
}
