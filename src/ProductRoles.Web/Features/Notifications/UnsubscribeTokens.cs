using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using ProductRoles.Web.Domain.Notifications;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>
/// The signed token of a one-click unsubscribe link: whose mail of which kind it stops. Signed and encrypted
/// with Data Protection (keys in the database, so any instance reads it); a changed or made-up token is refused.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("ProductRoles.Notifications.Unsubscribe.v1");

    public string For(string userId, NotificationKind kind) => _protector.Protect($"{userId}|{kind}");

    /// <summary>The user and kind, or null for a token this app did not make.</summary>
    public (string UserId, NotificationKind Kind)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('|');
            return parts.Length == 2 && parts[0].Length > 0 && Enum.TryParse<NotificationKind>(parts[1], out var kind) && Enum.IsDefined(kind)
                ? (parts[0], kind) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
