using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Features.Scrum.SprintBoard;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Scrum.SprintBoard;

/// <summary>Moving a card to Done: the Definition of Done checklist (which also records the sprint's progress for the burndown).</summary>
public sealed class DoneModel : ProductPageModel
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "itemId")]
    public int ItemId { get; set; }

    [BindProperty]
    public DoneChecklistInput Done { get; set; } = new();

    public DoneChecklist? Checklist { get; private set; }

    public bool Posted { get; private set; }

    public async Task OnGetAsync()
    {
        // The board is the sprint's: refuse items that aren't on it before showing the checklist.
        var board = await Sender.Send(new GetSprintBoard(Slug, Id), HttpContext.RequestAborted);
        if (board.Cards.All(c => c.BacklogItemId != ItemId))
        {
            throw new Infrastructure.Pipeline.NotFoundException();
        }

        Checklist = await Sender.Send(new GetDoneChecklist(Slug, ItemId), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The command refuses a card that is not on this board, or whose sprint is not active.
        var (ok, _) = await TrySendAsync(Done.ToCommand(Slug, ItemId) with { FromSprintId = Id }, "Done");
        if (!ok)
        {
            Posted = true;
            if (Conflict is not null)
            {
                Done.Version = Conflict.CurrentVersion;
            }

            Checklist = await Sender.Send(new GetDoneChecklist(Slug, ItemId), HttpContext.RequestAborted);
            return Page();
        }

        TempData["Flash"] = $"#{ItemId} is Done: it met the Definition of Done and is part of the increment.";
        return Redirect(Url.Page("/Scrum/SprintBoard/Index", new { slug = Slug, id = Id }) + "#card-" + ItemId);
    }
}
