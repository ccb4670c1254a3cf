using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.SprintBoard;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Scrum.SprintBoard;

public sealed class IndexModel : ProductItemPageModel
{
    public SprintBoardView? Data { get; private set; }

    /// <summary>The signed-in user, for "assign to me": the same claim the current-user service reads (pages stay clear of Data's IChangeAuthor).</summary>
    public string? Me => User.Identity?.IsAuthenticated == true ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>The task of a refused save: its message stands beside it.</summary>
    public int? PostedTaskId { get; private set; }

    public async Task OnGetAsync() => Data = await Sender.Send(new GetSprintBoard(Slug, Id), Aborted);

    public Task<IActionResult> OnPostMoveAsync(int backlogItemId, BoardColumn to, int version) =>
        SendAndRedirectAsync(new MoveSprintCard(Slug, Id, backlogItemId, to, version), _ => ($"#{backlogItemId} moved.", AtCard(backlogItemId)), OnGetAsync, prefix: "");

    public Task<IActionResult> OnPostAddTaskAsync(int backlogItemId, string? title, string? ownerId, int remainingHours) =>
        SendAndRedirectAsync(new AddSprintTask(Slug, Id, backlogItemId, title ?? "", ownerId, remainingHours), _ => ("Task added.", AtCard(backlogItemId)), OnGetAsync, prefix: "");

    /// <summary>A task's owner, hours and state: its form on the card, and "assign to me" (the same command with the signed-in user as owner).</summary>
    public Task<IActionResult> OnPostUpdateTaskAsync(int taskId, string? ownerId, int remainingHours, SprintTaskState state, int version, int? backlogItemId)
    {
        PostedTaskId = taskId;
        return SendAndRedirectAsync(new UpdateSprintTask(Slug, Id, taskId, ownerId, remainingHours, state, version),
            _ => ("Task saved.", backlogItemId is { } card ? AtCard(card) : RedirectToPage(new { slug = Slug, id = Id })), OnGetAsync, prefix: "");
    }

    private RedirectToPageResult AtCard(int backlogItemId)
    {
        KeepPlace.Focus(TempData, "card-" + backlogItemId);
        return RedirectToPage(null, null, new { slug = Slug, id = Id }, "card-" + backlogItemId);
    }
}
