namespace ProductRoles.Web.Domain.Vision;

/// <summary>The vision board as one save left it. Revisions are never changed, only added.</summary>
public sealed class ProductVisionRevision
{
    public int Id { get; set; }
    public int ProductVisionId { get; set; }
    public ProductVision? ProductVision { get; set; }
    public int Number { get; set; }
    public required string Statement { get; set; }
    public string TargetGroup { get; set; } = string.Empty;
    public string Needs { get; set; } = string.Empty;
    public string ProductDetails { get; set; } = string.Empty;
    public string BusinessGoals { get; set; } = string.Empty;
    public DateTime SavedAt { get; set; }
    public required string SavedBy { get; set; }
}
