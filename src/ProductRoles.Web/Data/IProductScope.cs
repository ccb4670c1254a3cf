namespace ProductRoles.Web.Data;

/// <summary>
/// The product the current request is scoped to, if any. Product-owned rows of other products are
/// invisible while it is set; without one (background work, seeding, user and administrator requests)
/// queries read across products.
/// </summary>
public interface IProductScope
{
    int? ScopedProductId { get; }
}
