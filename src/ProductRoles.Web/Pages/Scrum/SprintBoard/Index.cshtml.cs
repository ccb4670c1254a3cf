using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.SprintBoard;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Scrum.SprintBoard;

public sealed class IndexModel : ProductItemPageModel
{
    public SprintBoardView? Data { get; private set; }

    public async Task OnGetAsync() => Data = await Sender.Send(new GetSprintBoard(Slug, Id), Aborted);

    public Task<IActionResult> OnPostMoveAsync(int backlogItemId, BoardColumn to, int version) =>
        SendAndRedirectAsync(new MoveSprintCard(Slug, Id, backlogItemId, to, version), _ => ($"#{backlogItemId} moved.", AtCard(backlogItemId)), OnGetAsync, prefix: "");

    public Task<IActionResult> OnPostAddTaskAsync(int backlogItemId, string? title, string? ownerId, int remainingHours) =>
        SendAndRedirectAsync(new AddSprintTask(Slug, Id, backlogItemId, title ?? "", ownerId, remainingHours), _ => ("Task added.", AtCard(backlogItemId)), OnGetAsync, prefix: "");

    public Task<IActionResult> OnPostUpdateTaskAsync(int taskId, string? ownerId, int remainingHours, SprintTaskState state, int version) =>
        SendAndRedirectAsync(new UpdateSprintTask(Slug, Id, taskId, ownerId, remainingHours, state, version),
            _ => ("Task saved.", RedirectToPage(new { slug = Slug, id = Id })), OnGetAsync, prefix: "");

    private RedirectToPageResult AtCard(int backlogItemId) => RedirectToPage(null, null, new { slug = Slug, id = Id }, "card-" + backlogItemId);
}
