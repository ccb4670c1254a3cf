using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.ProductManager.Goals;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Goals;

public sealed class GoalModel : ProductItemPageModel, IGoalForm
{
    [BindProperty]
    public GoalInput Input { get; set; } = new();

    [BindProperty]
    public KeyResultInput KeyResult { get; set; } = new();

    [BindProperty]
    public CheckInInput CheckIn { get; set; } = new();

    public GoalDetail? Detail { get; private set; }
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<GoalOption> CompanyGoals => Detail?.CompanyGoals ?? [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        var goal = Detail!.Goal;
        Input = new GoalInput
        {
            Title = goal.Title, Description = goal.Description, Level = goal.Level, CompanyGoalId = goal.CompanyGoalId, Version = goal.Version,
        };
    }

    public Task<IActionResult> OnPostAsync()
    {
        ModelState.Remove("KeyResult.KeyResultId");
        return SendAndRedirectAsync(new EditGoal(Slug, Id, Input.Title ?? "", Input.Description, Input.Level, Input.CompanyGoalId, Input.Version),
            _ => ("Goal saved.", RedirectToPage(new { slug = Slug, id = Id })), LoadAsync);
    }

    public Task<IActionResult> OnPostAddKeyResultAsync()
    {
        ModelState.Remove("KeyResult.KeyResultId");
        return SendAndRedirectAsync(new CreateKeyResult(Slug, Id, KeyResult.Metric ?? "", KeyResult.Baseline, KeyResult.Target, KeyResult.Current,
                KeyResult.DueOn, KeyResult.MeasuredBy),
            _ => ("Key result added.", RedirectToPage(new { slug = Slug, id = Id })), OnGetAsync, prefix: "KeyResult");
    }

    public Task<IActionResult> OnPostKeyResultAsync() =>
        SendAndRedirectAsync(new EditKeyResult(Slug, Id, KeyResult.KeyResultId, KeyResult.Metric ?? "", KeyResult.Baseline,
                KeyResult.Target, KeyResult.Current, KeyResult.DueOn, KeyResult.Version, KeyResult.MeasuredBy),
            _ => ("Key result saved.", RedirectToPage(new { slug = Slug, id = Id })), OnGetAsync, prefix: "KeyResult");

    /// <summary>The values a key result form shows: what was just posted for that form, else what is stored.</summary>
    public KeyResultInput KeyResultFor(KeyResultView? stored)
    {
        var id = stored?.Id ?? 0;
        if (Request.HasFormContentType && KeyResult.KeyResultId == id && !ModelState.IsValid)
        {
            return KeyResult;
        }

        return stored is null
            ? new KeyResultInput()
            : new KeyResultInput
            {
                KeyResultId = stored.Id, Metric = stored.Metric, Baseline = stored.Baseline, Target = stored.Target, Current = stored.Current,
                DueOn = stored.DueOn, Version = stored.Version, MeasuredBy = stored.MeasuredBy,
            };
    }

    /// <summary>The check-in form's values: what was just posted for that key result, else today and nothing else.</summary>
    public CheckInInput CheckInFor(KeyResultView stored) =>
        Request.HasFormContentType && CheckIn.KeyResultId == stored.Id && !ModelState.IsValid
            ? CheckIn
            : new CheckInInput { KeyResultId = stored.Id };

    public Task<IActionResult> OnPostCheckInAsync() =>
        SendAndRedirectAsync(new CheckInKeyResult(Slug, CheckIn.KeyResultId, CheckIn.Value, CheckIn.On, CheckIn.Note),
            _ => ("Check-in recorded.", RedirectToPage(new { slug = Slug, id = Id })), OnGetAsync, prefix: "CheckIn");

    private async Task LoadAsync()
    {
        Detail = await Sender.Send(new GetGoal(Slug, Id), Aborted);
        if (Detail.CanSeeHistory)
        {
            History = await Sender.Send(GetEntityHistory.Of<Goal>(Slug, Id), Aborted);
        }
    }
}

public sealed class KeyResultInput
{
    public int KeyResultId { get; set; }
    public string? Metric { get; set; }
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }
    public decimal? Current { get; set; }
    public DateOnly? DueOn { get; set; }
    public int Version { get; set; }
    public KeyResultMeasure MeasuredBy { get; set; }
}

public sealed class CheckInInput
{
    public int KeyResultId { get; set; }
    public decimal? Value { get; set; }
    public DateOnly? On { get; set; }
    public string? Note { get; set; }
}
