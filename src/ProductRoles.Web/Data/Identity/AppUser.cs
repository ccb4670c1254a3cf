using Microsoft.AspNetCore.Identity;
using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Data.Identity;

/// <summary>
/// The ASP.NET Core Identity user: sign-in name, password hash, lockout. It owns the users table;
/// the domain sees the same row as a <see cref="UserProfile"/> (id and display name) and nothing more.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
}
