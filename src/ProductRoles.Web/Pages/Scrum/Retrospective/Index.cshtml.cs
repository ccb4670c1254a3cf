using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.Scrum.Retrospective;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Scrum.Retrospective;

public sealed class IndexModel : ProductPageModel
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public int Id { get; set; }

    [BindProperty]
    public RetrospectiveInput Input { get; set; } = new();

    [BindProperty]
    public NewActionInput NewAction { get; set; } = new();

    public RetrospectiveView? Data { get; private set; }

    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public static string Label(RetrospectiveActionState state) => state switch
    {
        RetrospectiveActionState.InProgress => "In progress",
        _ => state.ToString(),
    };

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new RetrospectiveInput { WentWell = Data!.WentWell, ToImprove = Data.ToImprove, Version = Data.Version };
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        ModelState.Remove("NewAction.Title");
        var (ok, _) = await TrySendAsync(new SaveRetrospective(Slug, Id, Input.WentWell, Input.ToImprove, Input.Version));
        if (!ok)
        {
            await LoadAsync();
            if (Conflict is not null)
            {
                Input.Version = Conflict.CurrentVersion;
            }

            return Page();
        }

        TempData["Flash"] = "Retrospective saved.";
        return RedirectToPage(new { slug = Slug, id = Id });
    }

    public async Task<IActionResult> OnPostAddActionAsync()
    {
        var (ok, _) = await TrySendAsync(new AddRetrospectiveAction(Slug, Id, NewAction.Title ?? "", NewAction.OwnerId), prefix: "NewAction");
        if (!ok)
        {
            await LoadAsync();
            Input = new RetrospectiveInput { WentWell = Data!.WentWell, ToImprove = Data.ToImprove, Version = Data.Version };
            return Page();
        }

        TempData["Flash"] = "Action item added.";
        return RedirectToPage(new { slug = Slug, id = Id });
    }

    public async Task<IActionResult> OnPostSetStateAsync(int actionId, RetrospectiveActionState state, int version)
    {
        var (ok, _) = await TrySendAsync(new SetRetrospectiveActionState(Slug, actionId, state, version), prefix: "");
        if (!ok)
        {
            await OnGetAsync();
            return Page();
        }

        TempData["Flash"] = "Action item updated.";
        return RedirectToPage(new { slug = Slug, id = Id });
    }

    private async Task LoadAsync()
    {
        Data = await Sender.Send(new GetRetrospective(Slug, Id), HttpContext.RequestAborted);
        History = Data.RetrospectiveId is { } retroId
            ? await Sender.Send(new GetEntityHistory(Slug, nameof(Domain.Sprints.Retrospective), retroId.ToString(CultureInfo.InvariantCulture)),
                HttpContext.RequestAborted)
            : [];
    }

    public sealed class RetrospectiveInput
    {
        public string? WentWell { get; set; }
        public string? ToImprove { get; set; }
        public int Version { get; set; }
    }

    public sealed class NewActionInput
    {
        public string? Title { get; set; }
        public string? OwnerId { get; set; }
    }
}
