using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Scrum.Sprints;

public sealed class NewModel(TimeProvider clock) : ProductPageModel
{
    [BindProperty]
    public SprintFormInput Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        // Only planners may open the form: the list query checks membership, this command's permission is checked on POST.
        var sprints = await Sender.Send(new GetSprints(Slug), Aborted);
        if (!sprints.CanPlan)
        {
            throw new Infrastructure.Pipeline.ForbiddenException();
        }

        var latest = sprints.Sprints.FirstOrDefault();
        var start = latest is null ? SprintQueries.Today(clock) : latest.EndDate.AddDays(1);
        var length = latest is null ? 14 : latest.EndDate.DayNumber - latest.StartDate.DayNumber + 1;
        Input = new SprintFormInput
        {
            Name = $"Sprint {sprints.Sprints.Count + 1}",
            StartDate = start,
            EndDate = start.AddDays(length - 1),
            Capacity = sprints.Velocity.Average ?? 0,
        };
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new CreateSprint(Slug, Input.Name ?? "", Input.Goal ?? "", Input.StartDate, Input.EndDate, Input.Capacity, Input.AllowOverlap),
            id => ("Sprint created. Pull items from the product backlog into it.", RedirectToPage("/Scrum/Sprints/Sprint", new { slug = Slug, id })),
            onFailure: () => Task.CompletedTask);
}
