using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Administration;

public sealed class UsersModel : AppPageModel
{
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    [BindProperty]
    public UserInput Input { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new CreateUser(Input.Email ?? "", Input.DisplayName ?? "", Input.Password ?? "", Input.IsAdministrator),
            _ => ($"{Input.Email} can now sign in.", RedirectToPage()),
            onFailure: () =>
            {
                Input.Password = null;
                return LoadAsync();
            });

    private async Task LoadAsync() => Users = await Sender.Send(new GetUsers(), Aborted);

    public sealed class UserInput
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public bool IsAdministrator { get; set; }
    }
}
