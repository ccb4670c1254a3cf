namespace ProductRoles.Web.Domain;

/// <summary>
/// An entity whose changes are written to the product's history (Activity) automatically
/// when it is saved.
/// </summary>
public interface IAudited
{
    /// <summary>The product the change belongs to.</summary>
    int AuditProductId { get; }

    /// <summary>A short human label for the entity, e.g. the product name or an item title.</summary>
    string AuditLabel { get; }
}
