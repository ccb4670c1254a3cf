using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Web.Pages.ProductOwner.Backlog;

/// <summary>
/// What the checklist form posts (the partial Pages/ProductOwner/Backlog/_DoneChecklist.cshtml), bound
/// by any page that hosts the checklist; <see cref="ToCommand"/> makes the one command.
/// </summary>
public sealed class DoneChecklistInput
{
    public int DefinitionOfDoneVersionId { get; set; }
    public int Version { get; set; }
    public IList<DoneCriterionField> Criteria { get; set; } = [];

    /// <summary>"All criteria met": one action that ticks every criterion (waivers are still given one by one, each with a reason).</summary>
    public bool AllMet { get; set; }

    public MarkBacklogItemDone ToCommand(string productSlug, int itemId) =>
        new(productSlug, itemId, DefinitionOfDoneVersionId,
            Criteria.Select(c => new DoneCriterionInput(c.CriterionId, c.Checked || AllMet, c.Waived && !AllMet, AllMet ? null : c.WaiverReason)).ToList(), Version);
}

public sealed class DoneCriterionField
{
    public int CriterionId { get; set; }
    public bool Checked { get; set; }
    public bool Waived { get; set; }
    public string? WaiverReason { get; set; }
}

/// <summary>The partial's model: the current checklist, what the user entered (after a failed post), and the field prefix.</summary>
public sealed record DoneChecklistForm(DoneChecklist Checklist, DoneChecklistInput? Entered, string Prefix = "Done");
