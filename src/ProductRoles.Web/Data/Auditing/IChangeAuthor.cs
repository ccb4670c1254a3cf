namespace ProductRoles.Web.Data.Auditing;

/// <summary>
/// Who a save's history rows name. Declared here so that the data layer does not depend on the web
/// layer that knows the signed-in user (<c>ICurrentUser</c> extends it).
/// </summary>
public interface IChangeAuthor
{
    string? UserId { get; }
    string Name { get; }
}
