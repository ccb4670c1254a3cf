using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Features.ProductManager.Goals;

namespace ProductRoles.Web.Pages.ProductManager.Goals;

/// <summary>A page with the goal fields: the new-goal form and the goal's own page.</summary>
public interface IGoalForm
{
    GoalInput Input { get; }
    IReadOnlyList<GoalOption> CompanyGoals { get; }
}

public sealed class GoalInput
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public GoalLevel Level { get; set; }
    public int? CompanyGoalId { get; set; }
    public int Version { get; set; }
}
