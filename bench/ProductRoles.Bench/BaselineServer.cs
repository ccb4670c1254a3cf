using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Security;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Bench;

/// <summary>
/// The baseline: a minimal Kestrel endpoint in the same process that reads the same rows as the app
/// with raw ADO.NET (Microsoft.Data.Sqlite, pooled connections, prepared parameters) and writes the
/// same HTML by hand. It does the same per-request data work the app has to do — the session check,
/// the product and membership lookup, then the page's own rows — so the ratio app/baseline shows
/// what the framework layers cost, not a shortcut the app could not take.
/// </summary>
public sealed partial class BaselineServer : IAsyncDisposable
{
    /// <summary>The baseline's stand-in for the login cookie: session id, user id and display name.</summary>
    public const string CookieName = "bench-session";

    private readonly WebApplication _app;
    private readonly string _connectionString;
    private readonly string _styleHref;
    private readonly string _scriptHref;
    private readonly string _searchBoxStart;
    private readonly string _searchBoxEnd;
    private readonly string _bellScriptHref;
    private readonly string _faviconHref;
    private readonly string _importMap;
    private readonly IReadOnlyDictionary<string, string> _pageUrls;
    private readonly string _webRoot;
    private readonly MarkdownRenderer _markdown = new();

    /// <param name="connectionString">The app's SQLite database.</param>
    /// <param name="webRoot">The app's wwwroot, to version the CSS and JS links as the app does.</param>
    /// <param name="pageUrls">Each navigation page's URL with "{slug}" in place of the product slug.</param>
    public BaselineServer(string connectionString, string webRoot, IReadOnlyDictionary<string, string> pageUrls)
    {
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true }.ToString();
        _styleHref = Versioned(webRoot, "/css/site.css");
        _scriptHref = Versioned(webRoot, "/js/site.js");
        // The top bar's search box (Pages/Shared/_SearchBox.cshtml), around the product's slug.
        _searchBoxStart = "<link rel=\"stylesheet\" href=\"" + Versioned(webRoot, "/css/search.css") + "\" />\n"
            + "<form method=\"get\" action=\"/search\" class=\"topbar-search\" role=\"search\" aria-label=\"Search everything\" data-product=\"";
        _searchBoxEnd = "\">\n    <label for=\"top-search\" class=\"visually-hidden\">Search</label>\n"
            + "    <input id=\"top-search\" type=\"search\" name=\"q\" placeholder=\"Search (press /)\" autocomplete=\"off\" aria-keyshortcuts=\"/\" />\n"
            + "    <button type=\"button\" class=\"button button-quiet topbar-palette\" data-palette-open aria-keyshortcuts=\"Control+K Meta+K\" title=\"Command palette (Ctrl+K)\">⌘K<span class=\"visually-hidden\"> Open the command palette</span></button>\n"
            + "</form>\n<script type=\"module\" src=\"" + Versioned(webRoot, "/js/palette.js") + "\"></script>\n"
            + "<script type=\"module\" src=\"" + Versioned(webRoot, "/js/shortcuts.js") + "\"></script>\n";
        _bellScriptHref = Versioned(webRoot, "/js/notification-bell.js");
        _faviconHref = Versioned(webRoot, "/favicon.svg");
        _importMap = ImportMapOf(webRoot);
        _pageUrls = pageUrls;

        _webRoot = webRoot;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // The backlog's forms carry antiforgery tokens like the app's: the same work, done the same way.
        builder.Services.AddAntiforgery();
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/p/{slug}/history", History);
        _app.MapGet("/p/{slug}/backlog", Backlog);
        _app.MapGet("/p/{slug}/backlog/export", Export);
        _app.MapGet("/p/{slug}/roadmap", Roadmap);
        _app.MapGet("/p/{slug}/sprints/{id:int}/review", SprintReview);
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public async Task StartAsync()
    {
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    public static string Cookie(string sessionId, string userId, string displayName) =>
        $"{CookieName}={Uri.EscapeDataString(sessionId + "|" + userId + "|" + displayName)}";

    /// <summary>A signed-in caller with a live session and a role in the product, or null (→ 404).</summary>
    public sealed record Caller(string UserId, string DisplayName, ProductAccess Access, long UnreadNotifications = 0);

    public async Task<Caller?> AuthorizeAsync(SqliteConnection connection, HttpContext http, string slug)
    {
        var parts = Uri.UnescapeDataString(http.Request.Cookies[CookieName] ?? string.Empty).Split('|', 3);
        if (parts.Length != 3)
        {
            return null;
        }

        long unread;
        await using (var session = connection.CreateCommand())
        {
            // As the app's session check: the same statement reads the bell's unread count.
            session.CommandText = """
                SELECT (SELECT COUNT(*) FROM "Notifications" n WHERE n."UserId" = s."UserId" AND n."ReadAt" IS NULL)
                FROM "UserSessions" s WHERE s."Id" = $id AND s."UserId" = $user AND s."RevokedAt" IS NULL
                """;
            session.Parameters.AddWithValue("$id", parts[0]);
            session.Parameters.AddWithValue("$user", parts[1]);
            if (await session.ExecuteScalarAsync() is not { } count || count is DBNull)
            {
                return null;
            }

            unread = Convert.ToInt64(count, CultureInfo.InvariantCulture);
        }

        await using var product = connection.CreateCommand();
        product.CommandText = """
            SELECT p."Id", p."Name", p."Stage", m."Role" FROM "Products" p
            LEFT JOIN "ProductMembers" m ON m."ProductId" = p."Id" AND m."UserId" = $user
            WHERE p."Slug" = $slug LIMIT 1
            """;
        product.Parameters.AddWithValue("$user", parts[1]);
        product.Parameters.AddWithValue("$slug", slug);
        await using var reader = await product.ExecuteReaderAsync();
        if (!await reader.ReadAsync() || reader.IsDBNull(3))
        {
            return null;
        }

        var access = new ProductAccess(reader.GetInt32(0), slug, reader.GetString(1),
            Enum.Parse<LifecycleStage>(reader.GetString(2)), Enum.Parse<ProductRole>(reader.GetString(3)), false);
        return new Caller(parts[1], parts[2], access, unread);
    }

    public async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task History(HttpContext http, string slug)
    {
        await using var connection = await OpenAsync();
        var caller = await AuthorizeAsync(connection, http, slug);
        if (caller is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var before = long.TryParse(http.Request.Query["before"], CultureInfo.InvariantCulture, out var b) ? b : long.MaxValue;
        const int PageSize = 50;
        long? older = null;
        long lastId = 0;
        var html = new StringBuilder(32 * 1024);
        var e = HtmlEncoder.Default;
        WriteLayoutStart(html, http, "History", caller, "/Products/History");
        html.Append("<div class=\"page-head\">\n    <div>\n        <h1>History</h1>\n        <p>Every change to this product: who changed what, when, from what to what.</p>\n    </div>\n</div>\n<section class=\"panel\">\n");

        await using (var rows = connection.CreateCommand())
        {
            rows.CommandText = """
                SELECT "OccurredAt", "UserName", "EntityType", "EntityLabel", "Action", "Field", "OldValue", "NewValue", "Note", "Id"
                FROM "Activities" WHERE "ProductId" = $product AND "Id" < $before ORDER BY "Id" DESC LIMIT $take
                """;
            rows.Parameters.AddWithValue("$product", caller.Access.ProductId);
            rows.Parameters.AddWithValue("$before", before);
            rows.Parameters.AddWithValue("$take", PageSize + 1);
            await using var reader = await rows.ExecuteReaderAsync();
            var any = false;
            var shown = 0;
            while (await reader.ReadAsync())
            {
                if (shown++ == PageSize)
                {
                    older = lastId;
                    break;
                }

                lastId = reader.GetInt64(9);
                if (!any)
                {
                    html.Append("    <ol class=\"history\">\n");
                    any = true;
                }

                // As the app's <time utc> writes it: the instant marked as UTC.
                var at = DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc);
                html.Append("            <li>\n                <time datetime=\"").Append(at.ToString("O", CultureInfo.CurrentCulture)).Append("\">")
                    .Append(e.Encode(at.ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture))).Append(" UTC</time>\n")
                    .Append("                <span class=\"history-who\">").Append(e.Encode(reader.GetString(1))).Append("</span>\n")
                    .Append("                <span class=\"history-what\">\n                    ")
                    .Append(e.Encode(reader.GetString(4).ToLowerInvariant())).Append(" <span class=\"history-type\">")
                    .Append(e.Encode(HistoryText.EntityType(reader.GetString(2)))).Append("</span> <strong>").Append(e.Encode(reader.GetString(3))).Append("</strong>");
                if (!reader.IsDBNull(5))
                {
                    html.Append(": ").Append(e.Encode(HistoryText.Field(reader.GetString(5)))).Append(" <del>")
                        .Append(e.Encode(reader.IsDBNull(6) ? HistoryText.None : reader.GetString(6))).Append("</del> → <ins>")
                        .Append(e.Encode(reader.IsDBNull(7) ? HistoryText.None : reader.GetString(7))).Append("</ins>");
                }

                html.Append("                </span>\n");
                if (!reader.IsDBNull(8))
                {
                    html.Append("                    <span class=\"history-note\">Reason: ").Append(e.Encode(reader.GetString(8))).Append("</span>\n");
                }

                html.Append("            </li>\n");
            }

            html.Append(any ? "    </ol>\n" : "    <p class=\"muted\">No changes recorded yet.</p>\n");
        }

        // The first screen (what is measured) and older pages: "Newer" needs the page's first key.
        if (older is not null)
        {
            html.Append("        <nav class=\"pager\" aria-label=\"History pages\">\n");
            html.Append("                <a class=\"button button-secondary button-small\" href=\"/p/").Append(e.Encode(slug)).Append("/history?before=").Append(older.Value).Append("\">Older</a>\n");
            html.Append("        </nav>\n");
        }

        html.Append("</section>\n");
        WriteLayoutEnd(html);
        await WriteAsync(http, html);
    }

    /// <summary>The top bar's bell, as _NotificationBell.cshtml writes it.</summary>
    private string Bell(long unread) =>
        "<a id=\"notification-bell\" class=\"bell\" href=\"/notifications\" aria-label=\"" +
        (unread == 0 ? "Notifications, none unread" : string.Create(CultureInfo.InvariantCulture, $"Notifications, {unread} unread")) +
        "\" data-count-src=\"/notifications/count\"><svg class=\"bell-icon\" viewBox=\"0 0 24 24\" width=\"20\" height=\"20\" aria-hidden=\"true\" focusable=\"false\"><path fill=\"currentColor\" d=\"M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z\"/></svg><span id=\"notification-count\" class=\"bell-count\"" +
        (unread == 0 ? " hidden=\"hidden\"" : "") + ">" + (unread > 99 ? "99+" : unread.ToString(CultureInfo.InvariantCulture)) + "</span></a>\n" +
        "<script type=\"module\" src=\"" + _bellScriptHref + "\"></script>\n";

    /// <summary>
    /// The layout's head (with the page's own stylesheet and script), top bar with the sign-out form and
    /// its antiforgery token, and product sidebar, as _Layout.cshtml writes them.
    /// </summary>
    public void WriteLayoutStart(
        StringBuilder html, HttpContext http, string title, Caller caller, string currentPage, string? pageStyle = null, string? pageScript = null)
    {
        var e = HtmlEncoder.Default;
        var access = caller.Access;
        var style = pageStyle is null ? null : "    <link rel=\"stylesheet\" href=\"" + Versioned(_webRoot, pageStyle) + "\" />\n";
        var script = pageScript is null ? null : "    <script type=\"module\" src=\"" + Versioned(_webRoot, pageScript) + "\"></script>\n";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n    <meta charset=\"utf-8\" />\n    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n    <title>")
            .Append(e.Encode(title + " · " + access.ProductName)).Append("</title>\n    <link rel=\"icon\" href=\"").Append(_faviconHref).Append("\" type=\"image/svg+xml\" />\n    <link rel=\"stylesheet\" href=\"")
            .Append(_styleHref).Append("\" />\n").Append(style).Append("    <script type=\"importmap\">").Append(_importMap).Append("</script>\n    <script type=\"module\" src=\"").Append(_scriptHref).Append("\"></script>\n").Append(script).Append("</head>\n<body>\n    <a class=\"skip-link\" href=\"#main\">Skip to content</a>\n")
            .Append("    <header class=\"topbar\">\n        <a class=\"brand\" href=\"/\">Product<span>Roles</span></a>\n            <nav class=\"topnav\" aria-label=\"Main\">\n                <a href=\"/\">My products</a>\n            </nav>\n")
            .Append(_searchBoxStart).Append(e.Encode(access.Slug)).Append(_searchBoxEnd)
            .Append("            <div class=\"account\">\n").Append(Bell(caller.UnreadNotifications)).Append("                <a href=\"/settings/tokens\">Access tokens</a>\n                <span class=\"account-name\">").Append(e.Encode(caller.DisplayName))
            .Append("</span>\n                <form method=\"post\" action=\"/Account/Logout\">\n                    <button type=\"submit\" class=\"button button-quiet\">Sign out</button>\n                ").Append(TokenInput(http)).Append("</form>\n            </div>\n    </header>\n")
            .Append("    <div class=\"shell\">\n            <aside class=\"sidebar\" aria-label=\"Product\">\n                <div class=\"sidebar-product\">\n                    <a class=\"sidebar-name\" href=\"")
            .Append(Url("/Products/Home", access.Slug)).Append("\">").Append(e.Encode(access.ProductName)).Append("</a>\n                    <div class=\"sidebar-meta\">\n                        <span class=\"badge badge-stage\">")
            .Append(e.Encode(access.Stage.ToString())).Append("</span>\n");
        if (access.Role is { } role)
        {
            html.Append("                            <span class=\"badge badge-role\">").Append(e.Encode(role.Display())).Append("</span>\n");
        }

        html.Append("                    </div>\n                </div>\n                <details class=\"product-menu\">\n                    <summary class=\"product-menu-toggle\">Menu</summary>\n");
        foreach (var group in ProductNavigation.For(access))
        {
            html.Append("                    <nav class=\"sidebar-group\" aria-label=\"").Append(e.Encode(group.Key)).Append("\">\n                        <h2>")
                .Append(e.Encode(group.Key)).Append("</h2>\n                        <ul>\n");
            foreach (var item in group)
            {
                var current = item.Page == currentPage;
                html.Append("                                <li><a").Append(current ? " class=\"active\" aria-current=\"page\"" : string.Empty)
                    .Append(" href=\"").Append(Url(item.Page, access.Slug)).Append("\">").Append(e.Encode(item.Label)).Append("</a></li>\n");
            }

            html.Append("                        </ul>\n                    </nav>\n");
        }

        html.Append("                </details>\n            </aside>\n        <main id=\"main\" class=\"content\">\n");
    }

    /// <summary>
    /// The live bar a live page's layout writes first in &lt;main&gt; (see LivePage): which page it is, the
    /// topics that make it fetch itself again, and its own URL to fetch.
    /// </summary>
    public static void WriteLiveBar(StringBuilder html, HttpContext http, string slug, string view, string topics)
    {
        var e = HtmlEncoder.Default;
        var src = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
        html.Append("            <div id=\"live-bar\" class=\"live-bar\" data-product=\"").Append(e.Encode(slug))
            .Append("\" data-view=\"").Append(e.Encode(view)).Append("\" data-topics=\"").Append(e.Encode(topics))
            .Append("\" data-src=\"").Append(e.Encode(src))
            .Append("\" data-editing=\"\" data-item-url=\"\">\n                <p id=\"live-presence\" class=\"live-presence\" hidden></p>\n                <p id=\"live-status\" class=\"live-status\" aria-live=\"polite\"></p>\n            </div>\n");
    }

    /// <summary>The request's antiforgery token as a hidden form field; generated once per request, as in the app.</summary>
    public static string TokenInput(HttpContext http) =>
        "<input name=\"__RequestVerificationToken\" type=\"hidden\" value=\""
        + HtmlEncoder.Default.Encode(http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken!) + "\" />";

    public static void WriteLayoutEnd(StringBuilder html) =>
        html.Append("        </main>\n    </div>\n</body>\n</html>\n");

    public static async Task WriteAsync(HttpContext http, StringBuilder html)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(html.ToString());
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes);
    }

    private string Url(string page, string slug, int? id = null) =>
        _pageUrls.TryGetValue(page, out var template)
            ? template.Replace("{slug}", Uri.EscapeDataString(slug), StringComparison.Ordinal)
                .Replace("{id}", id?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal)
            : "/";

    /// <summary>The layout's import map: every script under js/ and lib/ by its fingerprinted address, as the app's ImportMap writes it.</summary>
    public static string ImportMapOf(string webRoot)
    {
        var imports = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in new[] { "js", "lib" }.Select(f => Path.Combine(webRoot, f)).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.js", SearchOption.AllDirectories))
            {
                var path = "/" + Path.GetRelativePath(webRoot, file).Replace('\\', '/');
                imports[path] = Versioned(webRoot, path);
            }
        }

        return System.Text.Json.JsonSerializer.Serialize(new { imports });
    }

    public static string Versioned(string webRoot, string path)
    {
        var file = Path.Combine(webRoot, path.TrimStart('/'));
        if (!File.Exists(file))
        {
            return path;
        }

        return path + "?v=" + WebEncoders.Base64UrlEncode(SHA256.HashData(File.ReadAllBytes(file)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
