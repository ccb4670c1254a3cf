using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Scrum.Sprints;

public sealed class NewModel : ProductPageModel
{
    [BindProperty]
    public SprintFormInput Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        var proposal = await Sender.Send(new ProposeNextSprint(Slug), Aborted);
        Input = new SprintFormInput
        {
            Name = proposal.Name, StartDate = proposal.StartDate, EndDate = proposal.EndDate, Capacity = proposal.Capacity,
        };
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new CreateSprint(Slug, Input.Name ?? "", Input.Goal ?? "", Input.StartDate, Input.EndDate, Input.Capacity, Input.AllowOverlap),
            id => ("Sprint created. Pull items from the product backlog into it.", RedirectToPage("/Scrum/Sprints/Sprint", new { slug = Slug, id })),
            onFailure: () => Task.CompletedTask);
}
