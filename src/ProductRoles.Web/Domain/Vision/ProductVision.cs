namespace ProductRoles.Web.Domain.Vision;

/// <summary>
/// A product's vision board (vision statement, target group, needs, product, business goals).
/// One per product; every save also stores a <see cref="ProductVisionRevision"/>.
/// </summary>
public sealed class ProductVision : IVersioned, IAudited, IProductOwned
{
    public const int StatementMaxLength = 500;
    public const int SectionMaxLength = 4000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public required string Statement { get; set; }
    public string TargetGroup { get; set; } = string.Empty;
    public string Needs { get; set; } = string.Empty;
    public string ProductDetails { get; set; } = string.Empty;
    public string BusinessGoals { get; set; } = string.Empty;
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<ProductVisionRevision> Revisions { get; } = [];

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => "Vision";
}
