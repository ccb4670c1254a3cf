using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;

namespace ProductRoles.Web.Domain.AccessTokens;

/// <summary>What a personal access token may do: read only, or read and write (never more than its owner).</summary>
public enum AccessTokenScope
{
    [Display(Name = "Read only")]
    Read,
    [Display(Name = "Read and write")]
    ReadWrite,
}

/// <summary>
/// A personal access token: a script acts as its owner with it, within its scope and optional product.
/// Only the SHA-256 hash of the secret is stored; the secret itself is shown once, when it is made.
/// </summary>
public sealed class PersonalAccessToken
{
    public const int NameMaxLength = 100;
    public const int MaxLifetimeDays = 365;

    /// <summary>Every token starts with this, so secret scanners (and people) recognise a leaked one.</summary>
    public const string Prefix = "prt_";

    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public AccessTokenScope Scope { get; set; }

    /// <summary>The one product the token may reach, or null for every product its owner belongs to.</summary>
    public int? RestrictedToProductId { get; set; }

    /// <summary>Hex SHA-256 of the whole token text; the lookup key on every request.</summary>
    public required string SecretHash { get; set; }

    /// <summary>The first characters of the token, to tell tokens apart on the settings page.</summary>
    public required string Hint { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? FirstUsedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsUsableAt(DateTime now) => RevokedAt is null && ExpiresAt > now;

    /// <summary>A new random secret (256 bits) with the recognisable prefix, and the hash to store.</summary>
    public static (string Token, string Hash) NewSecret()
    {
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The latest expiry a token made now may have.</summary>
    public static DateOnly LatestExpiry(DateTime now) => DateOnly.FromDateTime(now).AddDays(MaxLifetimeDays);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
