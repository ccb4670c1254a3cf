namespace ProductRoles.Web.Infrastructure.Logging;

/// <summary>
/// What the app's logging leaves out, and why: each of these costs memory on every request, and a live
/// connection's WebSocket request holds it for as long as the connection is open (hours for a board on a screen).
/// </summary>
public static class LeanLogging
{
    /// <summary>
    /// ASP.NET Core's hosting diagnostics logger. While it is on, hosting starts an <see cref="System.Diagnostics.Activity"/>
    /// and a log scope for every request (about 0.9 KB). It writes nothing this app shows (its request start and end
    /// are below the configured level, and <see cref="RequestLogContext"/> gives the request's id and path instead),
    /// and a failed start is still logged by the host.
    /// </summary>
    public const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// Kestrel's and SignalR's connection loggers: their scopes carry only the connection's id, at about 240 bytes a
    /// connection each. Kestrel's messages name it in their text and every page or API request's id begins with it;
    /// what a live connection logs after its handshake (a hub method that failed) goes without it.
    /// </summary>
    public static readonly IReadOnlySet<string> WithoutScopes = new HashSet<string>(StringComparer.Ordinal)
    {
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections.Internal.HttpConnectionDispatcher",
    };
}
