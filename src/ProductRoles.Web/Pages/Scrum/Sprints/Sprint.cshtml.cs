using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Scrum.Sprints;

public sealed class SprintModel : ProductPageModel
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public int Id { get; set; }

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

    public async Task<IActionResult> OnPostEditAsync()
    {
        var (ok, _) = await TrySendAsync(new EditSprint(Slug, Id, Input.Name ?? "", Input.Goal ?? "", Input.StartDate, Input.EndDate,
            Input.Capacity, Input.AllowOverlap, Input.Version));
        if (!ok)
        {
            await LoadAsync();
            if (Conflict is not null)
            {
                Input.Version = Conflict.CurrentVersion;
            }

            return Page();
        }

        TempData["Flash"] = "Sprint saved.";
        return RedirectToPage(new { slug = Slug, id = Id });
    }

    public async Task<IActionResult> OnPostStartAsync(int version)
    {
        var (ok, _) = await TrySendAsync(new StartSprint(Slug, Id, version), prefix: "");
        if (!ok)
        {
            await OnGetAsync();
            return Page();
        }

        TempData["Flash"] = "Sprint started. The team now works from its sprint backlog.";
        return RedirectToPage(new { slug = Slug, id = Id });
    }

    public async Task<IActionResult> OnPostPlanAsync(int backlogItemId) =>
        await SendAndReturnAsync(new PlanSprintItem(Slug, Id, backlogItemId), $"#{backlogItemId} pulled into the sprint.");

    public async Task<IActionResult> OnPostUnplanAsync(int backlogItemId) =>
        await SendAndReturnAsync(new UnplanSprintItem(Slug, Id, backlogItemId), $"#{backlogItemId} taken out of the sprint.");

    public async Task<IActionResult> OnPostCloseAsync(UnfinishedWork unfinished, int version) =>
        await SendAndReturnAsync(new CloseSprint(Slug, Id, unfinished, version), "Sprint closed. Its sprint review is ready for the product owner.");

    private async Task<IActionResult> SendAndReturnAsync(Mediator.ICommand<Mediator.Unit> command, string flash)
    {
        var (ok, _) = await TrySendAsync(command, prefix: "");
        if (!ok)
        {
            await OnGetAsync();
            return Page();
        }

        TempData["Flash"] = flash;
        return RedirectToPage(new { slug = Slug, id = Id });
    }

    private async Task LoadAsync()
    {
        Data = await Sender.Send(new GetSprint(Slug, Id), HttpContext.RequestAborted);
        History = await Sender.Send(new GetEntityHistory(Slug, nameof(Sprint), Id.ToString(CultureInfo.InvariantCulture)),
            HttpContext.RequestAborted);
    }
}
