using System.ComponentModel.DataAnnotations;

namespace ProductRoles.Web.Domain.Backlog;

public enum BacklogItemType
{
    [Display(Name = "Story")]
    Story,
    [Display(Name = "Bug")]
    Bug,
    [Display(Name = "Chore")]
    Chore,
}

public enum BacklogItemStatus
{
    [Display(Name = "New")]
    New,
    [Display(Name = "Ready")]
    Ready,
    [Display(Name = "Planned")]
    Planned,
    [Display(Name = "In progress")]
    InProgress,
    [Display(Name = "Done")]
    Done,
    [Display(Name = "Removed")]
    Removed,
}

/// <summary>
/// One entry of the product backlog: a user story ("As a … I want … so that …"), a bug or a chore.
/// Its place in the order is <see cref="Rank"/>, a fractional key unique per product, so moving it
/// rewrites only this row.
/// </summary>
public sealed class BacklogItem : IVersioned, IAudited, IProductOwned
{
    public const int TitleMaxLength = 200;
    public const int StoryPartMaxLength = 300;
    public const int DescriptionMaxLength = 20_000;
    public const int MaxTags = 10;
    public const int ExternalKeyMaxLength = 100;

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

    /// <summary>The key the item had where it was imported from (a Jira key such as ACME-123); unique per product.</summary>
    public string? ExternalKey { get; set; }

    /// <summary>The import that created the item, so that import can be undone as a whole.</summary>
    [NotAudited]
    public int? ImportId { get; set; }

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

    /// <summary>Back in the product backlog (out of a sprint): Ready when estimated, else New; at a new rank if given.</summary>
    public void ReturnToBacklog(DateTime now, string? rank = null)
    {
        Status = Estimate is null ? BacklogItemStatus.New : BacklogItemStatus.Ready;
        if (rank is not null)
        {
            Rank = rank;
        }

        UpdatedAt = now;
    }

    /// <summary>
    /// THE way an item becomes Done: every criterion of the product's current Definition of Done is
    /// ticked, or waived with a reason. Otherwise the message stands beside each criterion not met
    /// (<c>Criteria[n].Checked</c>, n in the DoD's order) and nothing changes. Returns the record of
    /// which version was met and how, for the caller to add.
    /// </summary>
    /// <param name="definitionOfDone">The product's current version, with its criteria.</param>
    /// <param name="checkedVersionId">The version the user checked the item against.</param>
    public BacklogItemDoneCheck MarkDone(
        DefinitionOfDone.DefinitionOfDoneVersion definitionOfDone, int checkedVersionId, IReadOnlyList<DoneAnswer> answers,
        string checkedBy, DateTime now)
    {
        if (Status == BacklogItemStatus.Done)
        {
            throw new DomainRuleException("", "This item is already Done.");
        }

        if (definitionOfDone.Id != checkedVersionId)
        {
            throw new DomainRuleException("",
                $"The Definition of Done changed while you were checking: version {definitionOfDone.Number} is current now. Check the item against it.");
        }

        var criteria = definitionOfDone.Criteria.OrderBy(c => c.Position).ToList();

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var record = new BacklogItemDoneCheck
        {
            BacklogItemId = Id,
            DefinitionOfDoneVersionId = definitionOfDone.Id,
            DefinitionOfDoneNumber = definitionOfDone.Number,
            CheckedAt = now,
            CheckedBy = checkedBy,
        };
        for (var n = 0; n < criteria.Count; n++)
        {
            var criterion = criteria[n];
            var answer = answers.FirstOrDefault(a => a.CriterionId == criterion.Id);
            if (answer is null || !(answer.Checked || answer.Waived))
            {
                errors[$"Criteria[{n}].Checked"] = ["Tick this criterion, or waive it with a reason."];
                continue;
            }

            if (!answer.Checked && string.IsNullOrWhiteSpace(answer.WaiverReason))
            {
                errors[$"Criteria[{n}].WaiverReason"] = ["Say why this criterion is waived."];
                continue;
            }

            record.Criteria.Add(new DoneCriterionCheck
            {
                Position = criterion.Position,
                Text = criterion.Text,
                Waived = !answer.Checked,
                WaiverReason = answer.Checked ? null : answer.WaiverReason!.Trim(),
            });
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        Status = BacklogItemStatus.Done;
        UpdatedAt = now;
        return record;
    }
}

/// <summary>How one criterion of the Definition of Done was met for an item: ticked, or waived with a reason.</summary>
public sealed record DoneAnswer(int CriterionId, bool Checked, bool Waived, string? WaiverReason);

/// <summary>One acceptance criterion of a backlog item, in the order written, ticked when met.</summary>
public sealed class AcceptanceCriterion
{
    public const int TextMaxLength = 500;

    public int Id { get; set; }
    public int BacklogItemId { get; set; }
    public BacklogItem? BacklogItem { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public bool IsMet { get; set; }
}

/// <summary>A tag on a backlog item (lower-case, no spaces).</summary>
public sealed class BacklogItemTag
{
    public const int NameMaxLength = 40;

    public int BacklogItemId { get; set; }
    public BacklogItem? BacklogItem { get; set; }
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
    public BacklogItem? BacklogItem { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The import that brought the comment in, so undoing the import removes it.</summary>
    public int? ImportId { get; set; }
}

/// <summary>Per product: where new backlog items go (the product owner's choice).</summary>
public sealed class BacklogSettings : IVersioned, IProductOwned
{
    public int ProductId { get; set; }
    public bool NewItemsOnTop { get; set; }
    public int Version { get; set; }
}
