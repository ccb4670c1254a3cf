namespace ProductRoles.Web.Domain;

/// <summary>One entry in a product's history: who changed what, when, and from what to what.</summary>
public sealed class Activity : IProductOwned
{
    public const int ValueMaxLength = 500;

    public long Id { get; set; }
    public int ProductId { get; set; }
    public DateTime OccurredAt { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }

    /// <summary>The entity's type name, e.g. "Product" or "BacklogItem".</summary>
    public required string EntityType { get; set; }

    public required string EntityId { get; set; }
    public required string EntityLabel { get; set; }

    /// <summary>Created, Updated, Deleted, or a domain verb such as Moved.</summary>
    public required string Action { get; set; }

    public string? Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }

    /// <summary>Optional reason the user gave, e.g. for a backlog move.</summary>
    public string? Note { get; set; }
}
