namespace ProductRoles.Web.Domain.AccessTokens;

/// <summary>
/// One entry in a user's own history, about their account rather than a product: a personal access token
/// made, used for the first time, revoked. Shown to the user on their settings page.
/// </summary>
public sealed class AccountActivity
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public DateTime OccurredAt { get; set; }

    /// <summary>Created, FirstUsed or Revoked.</summary>
    public required string Action { get; set; }

    /// <summary>What it was about, e.g. "token “CI” (Read only, expires 1 Mar 2027)".</summary>
    public required string Subject { get; set; }

    public int? AccessTokenId { get; set; }
}
