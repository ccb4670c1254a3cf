namespace ProductRoles.Web.Domain;

/// <summary>
/// One signed-in browser session. The login cookie carries only the session id; logging out
/// revokes the row, so a copied cookie stops working at once on every app instance.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
