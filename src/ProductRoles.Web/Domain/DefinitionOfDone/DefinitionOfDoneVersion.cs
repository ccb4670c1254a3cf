namespace ProductRoles.Web.Domain.DefinitionOfDone;

/// <summary>
/// One version of a product's Definition of Done. Versions are never edited: each change by the
/// product owner adds the next version with its full ordered list of criteria.
/// </summary>
public sealed class DefinitionOfDoneVersion : IAudited, IProductOwned
{
    public const int MaxCriteria = 20;

    public int Id { get; set; }
    public int ProductId { get; set; }

    /// <summary>1, 2, 3 … per product; unique, so two editors cannot both make version n.</summary>
    public int Number { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public List<DefinitionOfDoneCriterion> Criteria { get; } = [];

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => $"Definition of Done version {Number}";
}

public sealed class DefinitionOfDoneCriterion
{
    public const int TextMaxLength = 300;

    public int Id { get; set; }
    public int DefinitionOfDoneVersionId { get; set; }
    public DefinitionOfDoneVersion? DefinitionOfDoneVersion { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
}
