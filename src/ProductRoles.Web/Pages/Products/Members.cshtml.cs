using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Products;

public sealed class MembersModel : ProductPageModel
{
    public ProductMembers? Data { get; private set; }

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> RoleOptions =>
        Enum.GetValues<ProductRole>().Select(r => new SelectListItem(r.Display(), r.ToString()));

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostSetRoleAsync() =>
        SendAndRedirectAsync(new SetMemberRole(Slug, Input.Email ?? "", Input.Role),
            _ => ($"{Input.Email} is now {Input.Role.Display()}.", RedirectToPage(new { slug = Slug })), LoadAsync);

    public Task<IActionResult> OnPostRemoveAsync(string userId) =>
        SendAndRedirectAsync(new RemoveMember(Slug, userId), _ => ("Member removed.", RedirectToPage(new { slug = Slug })), LoadAsync, prefix: "");

    private async Task LoadAsync() => Data = await Sender.Send(new GetProductMembers(Slug), Aborted);

    public sealed class MemberInput
    {
        public string? Email { get; set; }
        public ProductRole Role { get; set; }
    }
}
