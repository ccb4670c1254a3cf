using System.ComponentModel.DataAnnotations;
using ProductRoles.Web.Domain.Backlog;

namespace ProductRoles.Web.Domain.Feedback;

/// <summary>Who the feedback came from.</summary>
public enum FeedbackSourceKind
{
    [Display(Name = "Customer")]
    Customer,
    [Display(Name = "Support")]
    Support,
    [Display(Name = "Sales")]
    Sales,
    [Display(Name = "Finance")]
    Finance,
    [Display(Name = "Security operations")]
    SecurityOperations,
    [Display(Name = "Stakeholder")]
    Stakeholder,
}

public enum FeedbackStatus
{
    [Display(Name = "New")]
    New,
    [Display(Name = "Accepted")]
    Accepted,
    [Display(Name = "Declined")]
    Declined,
    [Display(Name = "Duplicate")]
    Duplicate,
}

/// <summary>A complaint, concern or request from a named source, triaged by the product owner into backlog items.</summary>
public sealed class FeedbackItem : IVersioned, IAudited, IProductOwned
{
    public const int SourceNameMaxLength = 120;
    public const int AccountMaxLength = 120;
    public const int TextMaxLength = 4000;
    public const int TagsMaxLength = 300;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public FeedbackSourceKind SourceKind { get; set; }
    public required string SourceName { get; set; }

    /// <summary>The customer or account it concerns, e.g. a merchant.</summary>
    public string? Account { get; set; }

    public required string Text { get; set; }
    public DateOnly ReceivedOn { get; set; }

    /// <summary>Normalised tags, comma-separated, lower-case ("refunds,wallets").</summary>
    public string Tags { get; set; } = string.Empty;

    public FeedbackStatus Status { get; set; }
    public int? DuplicateOfId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<BacklogItemFeedbackLink> BacklogLinks { get; } = [];

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => $"#{Id} from {SourceName}";
}
