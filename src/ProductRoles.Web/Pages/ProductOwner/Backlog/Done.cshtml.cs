using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Backlog;

public sealed class DoneModel : ProductItemPageModel
{
    [BindProperty]
    public DoneChecklistInput Done { get; set; } = new();

    public DoneChecklist? Checklist { get; private set; }

    public bool Posted { get; private set; }

    public async Task OnGetAsync() => Checklist = await Sender.Send(new GetDoneChecklist(Slug, Id), Aborted);

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(Done.ToCommand(Slug, Id),
            _ => ($"#{Id} is Done.", RedirectToPage("/ProductOwner/Backlog/Item", new { slug = Slug, id = Id })),
            onFailure: () =>
            {
                Posted = true;
                return OnGetAsync();
            },
            prefix: "Done");
}
