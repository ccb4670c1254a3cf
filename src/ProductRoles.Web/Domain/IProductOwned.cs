namespace ProductRoles.Web.Domain;

/// <summary>
/// Data that belongs to one product. The data layer lets a product request see only its own
/// product's rows of such entities (and of their children), so a handler cannot forget the filter.
/// </summary>
public interface IProductOwned
{
    int ProductId { get; }
}
