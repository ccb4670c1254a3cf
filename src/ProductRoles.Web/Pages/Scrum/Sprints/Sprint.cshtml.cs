using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Scrum.Sprints;

public sealed class SprintModel : ProductItemPageModel
{
    [BindProperty]
    public SprintFormInput Input { get; set; } = new();

    public SprintDetails? Data { get; private set; }

    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        var s = Data!.Sprint;
        Input = new SprintFormInput
        {
            Name = s.Name, Goal = s.Goal, StartDate = s.StartDate, EndDate = s.EndDate, Capacity = s.Capacity,
            AllowOverlap = Data.AllowOverlap, Version = Data.Version,
        };
    }

    public Task<IActionResult> OnPostEditAsync() =>
        SendAndRedirectAsync(new EditSprint(Slug, Id, Input.Name ?? "", Input.Goal ?? "", Input.StartDate, Input.EndDate, Input.Capacity, Input.AllowOverlap, Input.Version),
            _ => ("Sprint saved.", ThisSprint()), LoadAsync);

    public Task<IActionResult> OnPostStartAsync(int version) =>
        SendAndRedirectAsync(new StartSprint(Slug, Id, version), _ => ("Sprint started. The team now works from its sprint backlog.", ThisSprint()), OnGetAsync, prefix: "");

    public Task<IActionResult> OnPostPlanAsync(int backlogItemId) =>
        SendAndRedirectAsync(new PlanSprintItem(Slug, Id, backlogItemId), _ => ($"#{backlogItemId} pulled into the sprint.", ThisSprint()), OnGetAsync, prefix: "");

    public Task<IActionResult> OnPostUnplanAsync(int backlogItemId) =>
        SendAndRedirectAsync(new UnplanSprintItem(Slug, Id, backlogItemId), _ => ($"#{backlogItemId} taken out of the sprint.", ThisSprint()), OnGetAsync, prefix: "");

    public Task<IActionResult> OnPostCloseAsync(UnfinishedWork unfinished, int version) =>
        SendAndRedirectAsync(new CloseSprint(Slug, Id, unfinished, version),
            _ => ("Sprint closed. Its sprint review is ready for the product owner.", ThisSprint()), OnGetAsync, prefix: "");

    private RedirectToPageResult ThisSprint() => RedirectToPage(new { slug = Slug, id = Id });

    private async Task LoadAsync()
    {
        Data = await Sender.Send(new GetSprint(Slug, Id), Aborted);
        History = await Sender.Send(GetEntityHistory.Of<Sprint>(Slug, Id), Aborted);
    }
}
