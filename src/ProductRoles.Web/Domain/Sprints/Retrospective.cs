using System.ComponentModel.DataAnnotations;

namespace ProductRoles.Web.Domain.Sprints;

/// <summary>
/// The Scrum team's look back at one sprint: what went well, what to improve, and the action items
/// that make the next sprint better. Only the Scrum team sees it.
/// </summary>
public sealed class Retrospective : IVersioned, IAudited, IProductOwned
{
    public const int TextMaxLength = 4000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public int SprintId { get; set; }
    public Sprint? Sprint { get; set; }

    /// <summary>Markdown.</summary>
    public string? WentWell { get; set; }

    /// <summary>Markdown.</summary>
    public string? ToImprove { get; set; }

    public int Version { get; set; }

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => "Retrospective of " + (Sprint?.Name ?? "sprint " + SprintId);
}

public enum RetrospectiveActionState
{
    [Display(Name = "Open")]
    Open,
    [Display(Name = "In progress")]
    InProgress,
    [Display(Name = "Done")]
    Done,
    [Display(Name = "Dropped")]
    Dropped,
}

/// <summary>
/// Something the team agreed to do differently. Raised in one sprint's retrospective; while it is not
/// done or dropped it carries over and shows on the next sprint's planning.
/// </summary>
public sealed class RetrospectiveAction : IVersioned, IAudited, IProductOwned
{
    public const int TitleMaxLength = 200;

    public int Id { get; set; }
    public int ProductId { get; set; }

    /// <summary>The sprint whose retrospective raised it.</summary>
    public int SprintId { get; set; }
    public Sprint? Sprint { get; set; }

    public required string Title { get; set; }
    public string? OwnerId { get; set; }
    public UserProfile? Owner { get; set; }
    public RetrospectiveActionState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => Title;

    public bool IsOpen => State is RetrospectiveActionState.Open or RetrospectiveActionState.InProgress;
}
