using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductManager.Goals;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Goals;

public sealed class IndexModel : ProductPageModel, IGoalForm
{
    [BindProperty]
    public GoalInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Archived { get; set; }

    public GoalList? List { get; private set; }
    public IReadOnlyList<GoalOption> CompanyGoals => List?.CompanyGoals ?? [];

    public Task OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new CreateGoal(Slug, Input.Title ?? "", Input.Description, Input.Level, Input.CompanyGoalId),
            _ => ($"Goal “{Input.Title?.Trim()}” added.", RedirectToPage(new { slug = Slug })), LoadAsync);

    public Task<IActionResult> OnPostArchiveAsync(int goalId, bool archive, int version) =>
        SendAndRedirectAsync(new SetGoalArchived(Slug, goalId, archive, version),
            _ => (archive ? "Goal archived." : "Goal restored.", RedirectToPage(new { slug = Slug, archived = Archived ? "true" : null })), LoadAsync, prefix: "");

    private async Task LoadAsync()
    {
        List = await Sender.Send(new GetGoals(Slug, Archived), Aborted);
    }
}
