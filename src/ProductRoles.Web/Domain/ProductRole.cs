using System.ComponentModel.DataAnnotations;

namespace ProductRoles.Web.Domain;

/// <summary>The role a user holds in one product. Roles are per product, never global.</summary>
public enum ProductRole
{
    [Display(Name = "Product manager")]
    ProductManager,
    [Display(Name = "Product owner")]
    ProductOwner,
    [Display(Name = "Scrum master")]
    ScrumMaster,
    [Display(Name = "Developer")]
    Developer,
    [Display(Name = "Stakeholder")]
    Stakeholder,
}
