namespace ProductRoles.Web.Domain;

public static class AppRoles
{
    /// <summary>The one global role: creates products and users and hands out product roles.</summary>
    public const string Administrator = "Administrator";
}
