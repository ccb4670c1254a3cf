namespace ProductRoles.Web.Domain.Research;

/// <summary>A competitor in the market: what they do well and badly, and how they position themselves.</summary>
public sealed class Competitor : IVersioned, IAudited, IProductOwned
{
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public required string Name { get; set; }
    public string Strengths { get; set; } = string.Empty;
    public string Weaknesses { get; set; } = string.Empty;
    public string Positioning { get; set; } = string.Empty;
    public int Version { get; set; }

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => Name;
}
