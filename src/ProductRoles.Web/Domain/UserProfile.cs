namespace ProductRoles.Web.Domain;

/// <summary>
/// A person as the domain knows them: an id and the name others see. The identity user (sign-in,
/// password, lockout) owns the row; this is the read-only view of it that entities link to.
/// </summary>
public sealed class UserProfile
{
    public const int DisplayNameMaxLength = 100;

    public required string Id { get; init; }
    public required string DisplayName { get; init; }
}
