using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Backlog;

public sealed class DoneModel : ProductPageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public DoneChecklistInput Done { get; set; } = new();

    public DoneChecklist? Checklist { get; private set; }

    public bool Posted { get; private set; }

    public async Task OnGetAsync() => Checklist = await Sender.Send(new GetDoneChecklist(Slug, Id), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(Done.ToCommand(Slug, Id), "Done");
        if (!ok)
        {
            Posted = true;
            if (Conflict is not null)
            {
                Done.Version = Conflict.CurrentVersion;
            }

            Checklist = await Sender.Send(new GetDoneChecklist(Slug, Id), HttpContext.RequestAborted);
            return Page();
        }

        TempData["Flash"] = $"#{Id} is Done.";
        return RedirectToPage("/ProductOwner/Backlog/Item", new { slug = Slug, id = Id });
    }
}
