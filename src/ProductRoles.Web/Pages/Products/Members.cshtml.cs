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

    public async Task<IActionResult> OnPostSetRoleAsync()
    {
        var (ok, _) = await TrySendAsync(new SetMemberRole(Slug, Input.Email ?? "", Input.Role));
        if (!ok)
        {
            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = $"{Input.Email} is now {Input.Role.Display()}.";
        return RedirectToPage(new { slug = Slug });
    }

    public async Task<IActionResult> OnPostRemoveAsync(string userId)
    {
        var (ok, _) = await TrySendAsync(new RemoveMember(Slug, userId), prefix: "");
        if (!ok)
        {
            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = "Member removed.";
        return RedirectToPage(new { slug = Slug });
    }

    private async Task LoadAsync() => Data = await Sender.Send(new GetProductMembers(Slug), HttpContext.RequestAborted);

    public sealed class MemberInput
    {
        public string? Email { get; set; }
        public ProductRole Role { get; set; }
    }
}
