using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Features.Scrum.SprintBoard;
using ProductRoles.Web.Infrastructure.Web;
using ProductRoles.Web.Pages.ProductOwner.Backlog;

namespace ProductRoles.Web.Pages.Scrum.SprintBoard;

/// <summary>Moving a card to Done: the Definition of Done checklist (which also records the sprint's progress for the burndown).</summary>
public sealed class DoneModel : ProductItemPageModel
{
    [BindProperty(SupportsGet = true, Name = "itemId")]
    public int ItemId { get; set; }

    [BindProperty]
    public DoneChecklistInput Done { get; set; } = new();

    public DoneChecklist? Checklist { get; private set; }

    public bool Posted { get; private set; }

    public async Task OnGetAsync()
    {
        // The board is the sprint's: refuse items that aren't on it before showing the checklist.
        var board = await Sender.Send(new GetSprintBoard(Slug, Id), Aborted);
        if (board.Cards.All(c => c.BacklogItemId != ItemId))
        {
            throw new Infrastructure.Pipeline.NotFoundException();
        }

        Checklist = await Sender.Send(new GetDoneChecklist(Slug, ItemId), Aborted);
    }

    // The command refuses a card that is not on this board, or whose sprint is not active.
    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(Done.ToCommand(Slug, ItemId) with { FromSprintId = Id },
            _ =>
            {
                KeepPlace.Focus(TempData, "card-" + ItemId);
                return ($"#{ItemId} is Done: it met the Definition of Done and is part of the increment.",
                    RedirectToPage("/Scrum/SprintBoard/Index", null, new { slug = Slug, id = Id }, "card-" + ItemId));
            },
            onFailure: async () =>
            {
                Posted = true;
                Checklist = await Sender.Send(new GetDoneChecklist(Slug, ItemId), Aborted);
            },
            prefix: "Done");
}
