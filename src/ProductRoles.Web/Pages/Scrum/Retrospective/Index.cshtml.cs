using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.Scrum.Retrospective;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Scrum.Retrospective;

public sealed class IndexModel : ProductItemPageModel
{
    [BindProperty]
    public RetrospectiveInput Input { get; set; } = new();

    [BindProperty]
    public NewActionInput NewAction { get; set; } = new();

    public RetrospectiveView? Data { get; private set; }

    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new RetrospectiveInput { WentWell = Data!.WentWell, ToImprove = Data.ToImprove, Version = Data.Version };
    }

    public Task<IActionResult> OnPostSaveAsync()
    {
        ModelState.Remove("NewAction.Title");
        return SendAndRedirectAsync(new SaveRetrospective(Slug, Id, Input.WentWell, Input.ToImprove, Input.Version),
            _ => ("Retrospective saved.", ThisRetrospective()), LoadAsync);
    }

    public Task<IActionResult> OnPostAddActionAsync() =>
        SendAndRedirectAsync(new AddRetrospectiveAction(Slug, Id, NewAction.Title ?? "", NewAction.OwnerId),
            _ => ("Action item added.", ThisRetrospective()), OnGetAsync, prefix: "NewAction");

    public Task<IActionResult> OnPostSetStateAsync(int actionId, RetrospectiveActionState state, int version) =>
        SendAndRedirectAsync(new SetRetrospectiveActionState(Slug, actionId, state, version),
            _ => ("Action item updated.", ThisRetrospective()), OnGetAsync, prefix: "");

    private RedirectToPageResult ThisRetrospective() => RedirectToPage(new { slug = Slug, id = Id });

    private async Task LoadAsync()
    {
        Data = await Sender.Send(new GetRetrospective(Slug, Id), Aborted);
        History = Data.RetrospectiveId is { } retroId
            ? await Sender.Send(GetEntityHistory.Of<Domain.Sprints.Retrospective>(Slug, retroId), Aborted)
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
