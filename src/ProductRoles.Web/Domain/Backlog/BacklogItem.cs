namespace ProductRoles.Web.Domain.Backlog;

public enum BacklogItemType
{
    Story,
    Bug,
    Chore,
}

public enum BacklogItemStatus
{
    New,
    Ready,
    Planned,
    InProgress,
    Done,
    Removed,
}

/// <summary>
/// One entry of the product backlog: a user story ("As a … I want … so that …"), a bug or a chore.
/// Its place in the order is <see cref="Rank"/>, a fractional key unique per product, so moving it
/// rewrites only this row.
/// </summary>
public sealed class BacklogItem : IVersioned, IAudited
{
    public const int TitleMaxLength = 200;
    public const int StoryPartMaxLength = 300;
    public const int DescriptionMaxLength = 20_000;
    public const int MaxTags = 10;

    /// <summary>Story points the team may give: a Fibonacci-like scale.</summary>
    public static readonly IReadOnlyList<int> Estimates = [0, 1, 2, 3, 5, 8, 13, 21];

    public int Id { get; set; }
    public int ProductId { get; set; }
    public BacklogItemType Type { get; set; }
    public required string Title { get; set; }
    public string? AsA { get; set; }
    public string? IWant { get; set; }
    public string? SoThat { get; set; }

    /// <summary>Markdown; rendered only through the sanitising renderer.</summary>
    public string? Description { get; set; }

    public int? Estimate { get; set; }
    public BacklogItemStatus Status { get; set; }

    /// <summary>Fractional base-62 rank key (see RankKey), compared ordinally; unique per product.</summary>
    [NotAudited] // a move records the positions instead
    public required string Rank { get; set; }

    public int? RoadmapItemId { get; set; }
    public Roadmap.RoadmapItem? RoadmapItem { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<AcceptanceCriterion> AcceptanceCriteria { get; } = [];
    public List<BacklogItemTag> Tags { get; } = [];
    public List<BacklogItemFeedbackLink> SourceFeedback { get; } = [];
    public List<BacklogItemDoneCheck> DoneChecks { get; } = [];
    public List<BacklogComment> Comments { get; } = [];

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => $"#{Id} {Title}";

    public static bool IsValidEstimate(int? estimate) => estimate is null || Estimates.Contains(estimate.Value);
}

/// <summary>One acceptance criterion of a backlog item, in the order written, ticked when met.</summary>
public sealed class AcceptanceCriterion
{
    public const int TextMaxLength = 500;

    public int Id { get; set; }
    public int BacklogItemId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public bool IsMet { get; set; }
}

/// <summary>A tag on a backlog item (lower-case, no spaces).</summary>
public sealed class BacklogItemTag
{
    public const int NameMaxLength = 40;

    public int BacklogItemId { get; set; }
    public required string Name { get; set; }
}

/// <summary>Links a backlog item to the customer feedback it came from; read both ways.</summary>
public sealed class BacklogItemFeedbackLink
{
    public int BacklogItemId { get; set; }
    public BacklogItem? BacklogItem { get; set; }
    public int FeedbackItemId { get; set; }
    public Feedback.FeedbackItem? FeedbackItem { get; set; }
}

/// <summary>A comment on a backlog item; @mentions of product members are rendered as links.</summary>
public sealed class BacklogComment
{
    public const int TextMaxLength = 4000;

    public int Id { get; set; }
    public int BacklogItemId { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>Per product: where new backlog items go (the product owner's choice).</summary>
public sealed class BacklogSettings : IVersioned
{
    public int ProductId { get; set; }
    public bool NewItemsOnTop { get; set; }
    public int Version { get; set; }
}
