namespace ProductRoles.Web.Domain.Backlog;

/// <summary>
/// The record made when a backlog item was marked Done: which Definition of Done version it met and,
/// for each criterion, whether it was checked or waived (with the reason).
/// </summary>
public sealed class BacklogItemDoneCheck
{
    public int Id { get; set; }
    public int BacklogItemId { get; set; }
    public BacklogItem? BacklogItem { get; set; }
    public int DefinitionOfDoneVersionId { get; set; }
    public int DefinitionOfDoneNumber { get; set; }
    public DateTime CheckedAt { get; set; }
    public required string CheckedBy { get; set; }
    public List<DoneCriterionCheck> Criteria { get; } = [];
}

/// <summary>One criterion of the Definition of Done as it was met for one item: checked, or waived with a reason.</summary>
public sealed class DoneCriterionCheck
{
    public const int ReasonMaxLength = 500;

    public int Id { get; set; }
    public int BacklogItemDoneCheckId { get; set; }
    public BacklogItemDoneCheck? DoneCheck { get; set; }
    public int Position { get; set; }

    /// <summary>The criterion's text at the time, so the record reads the same after the DoD changes.</summary>
    public required string Text { get; set; }

    public bool Waived { get; set; }
    public string? WaiverReason { get; set; }
}
