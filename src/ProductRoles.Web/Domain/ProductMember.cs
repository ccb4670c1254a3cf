namespace ProductRoles.Web.Domain;

/// <summary>A user's membership of one product, with the one role they hold there.</summary>
public sealed class ProductMember : IAudited, IProductOwned
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public required string UserId { get; set; }
    public UserProfile? User { get; set; }
    public ProductRole Role { get; set; }
    public DateTime AddedAt { get; set; }

    /// <summary>Denormalised so that history can name the member without a join.</summary>
    public required string UserEmail { get; set; }

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => UserEmail;
}
