using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace ProductRoles.Web.Infrastructure.Webhooks;

/// <summary>
/// The signature header of a delivery: <c>X-ProductRoles-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>,
/// the HMAC keyed with the subscription's secret (its UTF-8 bytes) over <c>"&lt;t&gt;.&lt;body&gt;"</c>. Signing the time
/// with the body lets a receiver refuse old deliveries replayed at it.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-ProductRoles-Signature";
    public const string EventHeader = "X-ProductRoles-Event";
    public const string DeliveryHeader = "X-ProductRoles-Delivery";

    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var t = timestamp.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}

/// <summary>
/// Webhook secrets: made from 32 random bytes, shown to the user once, and stored encrypted with Data
/// Protection (whose keys live in the database), because signing needs the secret itself, not a hash.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("ProductRoles.Webhooks.Secret.v1");

    public static string New() => "whsec_" + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
