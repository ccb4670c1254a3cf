using Microsoft.AspNetCore.Identity;

namespace ProductRoles.Web.Domain;

public sealed class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public required string DisplayName { get; set; }
}

public static class AppRoles
{
    /// <summary>The one global role: creates products and users and hands out product roles.</summary>
    public const string Administrator = "Administrator";
}
