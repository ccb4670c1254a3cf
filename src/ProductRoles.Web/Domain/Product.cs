namespace ProductRoles.Web.Domain;

public sealed class Product : IVersioned, IAudited
{
    public const int NameMaxLength = 100;
    public const int SlugMaxLength = 60;
    public const int DescriptionMaxLength = 1000;

    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>URL-safe unique key: lower-case letters, digits and single dashes.</summary>
    public required string Slug { get; set; }

    public string? Description { get; set; }
    public LifecycleStage Stage { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>
    /// How many backlog items the product has, kept in step by the transaction that creates, imports or
    /// deletes items (BacklogTally), so the backlog's total needs no count over the items.
    /// </summary>
    [NotAudited]
    public int BacklogItemCount { get; set; }

    public List<ProductMember> Members { get; } = [];

    int IAudited.AuditProductId => Id;
    string IAudited.AuditLabel => Name;
}
