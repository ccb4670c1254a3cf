using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Web.Pages.ProductOwner.Backlog;

/// <summary>A page with the backlog item fields (_ItemFields): the new-item form and the edit form.</summary>
public interface IBacklogItemForm
{
    BacklogItemInput Input { get; }

    /// <summary>The roadmap items the item may serve.</summary>
    IReadOnlyList<RoadmapOption> RoadmapChoices { get; }

    /// <summary>Whether Done is offered as a status: only to keep an item that is already Done (Done is reached through the checklist).</summary>
    bool AllowDone { get; }
}
