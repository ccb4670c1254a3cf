using Mediator;
using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.SprintBoard;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Scrum.SprintBoard;

public sealed class IndexModel : ProductPageModel
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public int Id { get; set; }

    public SprintBoardView? Data { get; private set; }

    public async Task OnGetAsync() => Data = await Sender.Send(new GetSprintBoard(Slug, Id), HttpContext.RequestAborted);

    public Task<IActionResult> OnPostMoveAsync(int backlogItemId, BoardColumn to, int version) =>
        SendAsync(new MoveSprintCard(Slug, Id, backlogItemId, to, version), $"#{backlogItemId} moved.", backlogItemId);

    public Task<IActionResult> OnPostAddTaskAsync(int backlogItemId, string? title, string? ownerId, int remainingHours) =>
        SendAsync(new AddSprintTask(Slug, Id, backlogItemId, title ?? "", ownerId, remainingHours), "Task added.", backlogItemId);

    public Task<IActionResult> OnPostUpdateTaskAsync(int taskId, string? ownerId, int remainingHours, SprintTaskState state, int version) =>
        SendAsync(new UpdateSprintTask(Slug, Id, taskId, ownerId, remainingHours, state, version), "Task saved.", null);

    private async Task<IActionResult> SendAsync<T>(ICommand<T> command, string flash, int? card)
    {
        var (ok, _) = await TrySendAsync(command, prefix: "");
        if (!ok)
        {
            await OnGetAsync();
            return Page();
        }

        TempData["Flash"] = flash;
        return card is null ? RedirectToPage(new { slug = Slug, id = Id }) : Redirect(Url.Page("/Scrum/SprintBoard/Index", new { slug = Slug, id = Id }) + "#card-" + card);
    }
}
