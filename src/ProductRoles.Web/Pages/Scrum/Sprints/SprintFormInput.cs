namespace ProductRoles.Web.Pages.Scrum.Sprints;

/// <summary>The fields of the create and edit sprint forms (bound with the prefix "Input").</summary>
public sealed class SprintFormInput
{
    public string? Name { get; set; }
    public string? Goal { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int Capacity { get; set; }
    public bool AllowOverlap { get; set; }
    public int Version { get; set; }
}
