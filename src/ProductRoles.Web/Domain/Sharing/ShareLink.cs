using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;

namespace ProductRoles.Web.Domain.Sharing;

/// <summary>What a share link opens: the published roadmap (the product manager's) or one sprint review (the product owner's).</summary>
public enum ShareLinkKind
{
    [Display(Name = "Published roadmap link")]
    PublishedRoadmap,
    [Display(Name = "Sprint review link")]
    SprintReview,
}

/// <summary>
/// A link that lets someone without an account read one published view of a product, read-only.
/// Only the SHA-256 hash of its secret is stored: the link is shown once, when it is made, so a copy of
/// the database opens nothing. It ends when revoked, when it expires, or when its content is no longer published.
/// </summary>
public sealed class ShareLink : IProductOwned, IAudited
{
    public const int LabelMaxLength = 100;
    public const int MaxLifetimeDays = 365;

    /// <summary>Bytes of randomness in a secret: 256 bits, twice the 128 the link must have at least.</summary>
    public const int SecretBytes = 32;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public ShareLinkKind Kind { get; set; }

    /// <summary>The sprint whose review the link opens; null for the published roadmap.</summary>
    public int? SprintId { get; set; }

    /// <summary>Who it is for ("Finance", "Customer advisory board"), so links can be told apart on the manage page.</summary>
    public required string Label { get; set; }

    /// <summary>Hex SHA-256 of the secret in the link; the lookup key on every view.</summary>
    public required string SecretHash { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>The first moment the link no longer opens; null for no expiry.</summary>
    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    [NotAudited]
    public int ViewCount { get; set; }

    [NotAudited]
    public DateTime? LastViewedAt { get; set; }

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => $"Share link “{Label}”";

    public bool IsOpenAt(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>
    /// The history records a view only when it is the link's first of the day (UTC): a link passed around a
    /// meeting room gives one row, not fifty; the exact number is in <see cref="ViewCount"/>.
    /// </summary>
    public static bool IsFirstViewOfDay(DateTime? lastViewedAt, DateTime now) =>
        lastViewedAt is not { } last || last.Date < now.Date;

    /// <summary>A new random secret for the link's address, and the hash to store.</summary>
    public static (string Secret, string Hash) NewSecret()
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (secret, Hash(secret));
    }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether text could be a secret this app made: 43 base64url characters. Anything else is not looked up.</summary>
    public static bool LooksLikeSecret(string? text) =>
        text is { Length: 43 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
