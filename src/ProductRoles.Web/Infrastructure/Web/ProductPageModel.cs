using Microsoft.AspNetCore.Mvc;

namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>Base for pages under /p/{slug}: binds the product slug from the route.</summary>
public abstract class ProductPageModel : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "slug")]
    public string Slug { get; set; } = string.Empty;
}

/// <summary>Base for the page of one thing in a product (/p/{slug}/…/{id}): binds its id from the route.</summary>
public abstract class ProductItemPageModel : ProductPageModel
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public int Id { get; set; }
}
