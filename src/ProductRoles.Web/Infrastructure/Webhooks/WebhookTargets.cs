using System.Net;
using System.Net.Sockets;

namespace ProductRoles.Web.Infrastructure.Webhooks;

/// <summary>A webhook target the app will not send to (SSRF): the message says why, in the user's words.</summary>
public sealed class WebhookTargetRefusedException(string message) : Exception(message);

/// <summary>
/// Where webhooks may go: http(s) only, no credentials in the URL, and never to a private, loopback,
/// link-local or otherwise internal address (v4 and v6, IPv4-mapped and -embedded v6 included), so that
/// a subscription cannot make the server reach into its own network. Checked when subscribing (on the
/// URL and the addresses its name resolves to) and again on every connection, on the address actually
/// connected to (<see cref="ConnectAsync"/>), so that a name resolving elsewhere later (DNS rebinding)
/// cannot get round it. <c>Webhooks:AllowPrivateTargets</c> lifts the address rule (tests, local receivers).
/// </summary>
public sealed class WebhookTargets(IConfiguration configuration)
{
    public bool AllowPrivateTargets => configuration.GetValue("Webhooks:AllowPrivateTargets", false);

    /// <summary>Why the URL itself cannot be a target, or null. No lookups.</summary>
    public string? RefusalForUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "Enter the full URL, starting with https://.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            return "Only http:// and https:// URLs can receive webhooks.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Leave user names and passwords out of the URL: deliveries are signed instead.";
        }

        if (string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "Enter the full URL, without a #fragment.";
        }

        if (AllowPrivateTargets)
        {
            return null;
        }

        if (IPAddress.TryParse(uri.DnsSafeHost, out var literal))
        {
            return IsPublic(literal) ? null : PrivateMessage;
        }

        var host = uri.DnsSafeHost.TrimEnd('.');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            ? PrivateMessage
            : null;
    }

    /// <summary>Why the URL cannot be a target, looking its host name up too: every address it has must be public.</summary>
    public async Task<string?> RefusalAsync(string? url, CancellationToken cancellationToken)
    {
        if (RefusalForUrl(url) is { } refusal)
        {
            return refusal;
        }

        var host = new Uri(url!).DnsSafeHost;
        if (AllowPrivateTargets || IPAddress.TryParse(host, out _))
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"The host name {host} could not be found.";
        }

        return addresses.Length == 0 ? $"The host name {host} could not be found."
            : addresses.All(IsPublic) ? null
            : PrivateMessage;
    }

    private const string PrivateMessage =
        "This URL points into a private network (a private, loopback or link-local address). Webhooks only go to public addresses.";

    /// <summary>
    /// The connection callback of the webhooks' HTTP handler: resolves the host, keeps only the addresses
    /// that may be reached, and connects to the first that answers. Refuses with
    /// <see cref="WebhookTargetRefusedException"/> when none is left.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = AllowPrivateTargets ? addresses : [.. addresses.Where(IsPublic)];
        if (allowed.Length == 0)
        {
            throw new WebhookTargetRefusedException($"Refused: {host} resolves only to private, loopback or link-local addresses.");
        }

        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    /// <summary>True for addresses on the public internet; false for private, loopback, link-local, multicast and reserved ones.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6)
            {
                return IsPublic(address.MapToIPv4());
            }

            if (EmbeddedIPv4(address) is { } embedded)
            {
                return IsPublic(embedded);
            }

            var bytes = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6Loopback) || address.Equals(IPAddress.IPv6Any)
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast
                || bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8 // 2001:db8::/32 documentation
                || bytes[0] == 0x01 && bytes.Skip(1).Take(7).All(b => b == 0)); // 100::/64 discard
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var b = address.GetAddressBytes();
        return !(b[0] == 0 // "this network"
            || b[0] == 10
            || b[0] == 100 && b[1] >= 64 && b[1] <= 127 // carrier-grade NAT
            || b[0] == 127
            || b[0] == 169 && b[1] == 254 // link-local, cloud metadata
            || b[0] == 172 && b[1] >= 16 && b[1] <= 31
            || b[0] == 192 && b[1] == 0 && b[2] == 0 // IETF protocol assignments
            || b[0] == 192 && b[1] == 168
            || b[0] == 198 && b[1] is 18 or 19 // benchmarking
            || b[0] >= 224); // multicast, reserved, broadcast
    }

    // IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses reach an IPv4 address.
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (b.Take(12).All(x => x == 0) && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] <= 1))
        {
            return new IPAddress(b[12..16]);
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0))
        {
            return new IPAddress(b[12..16]);
        }

        return b[0] == 0x20 && b[1] == 0x02 ? new IPAddress(b[2..6]) : null;
    }
}
