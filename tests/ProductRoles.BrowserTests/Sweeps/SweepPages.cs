using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Access;

namespace ProductRoles.BrowserTests.Sweeps;

/// <summary>A page the sweeps visit, and who may see it (null in <see cref="Allowed"/>: signed out).</summary>
public sealed record SweepPage(string Template, IReadOnlyList<Who?> Allowed, Func<SweepApp, Task<string>> Url)
{
    public override string ToString() => Template;
}

/// <summary>
/// Every page of the app, as the access walk names them (its GET rows, with the same ids in the same
/// product), plus the signed-out pages the walk leaves out. A page the app serves that is neither here nor
/// in <see cref="NotPages"/> fails <see cref="PageListTests"/>, so a new page cannot be forgotten.
/// </summary>
public static class SweepPages
{
    /// <summary>
    /// Routes that answer with something other than a page, and why they are not swept. GET rows with a
    /// handler (the palette's entries, a page's JSON) are left out too: they answer data, not a page.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotPages = new Dictionary<string, string>
    {
        ["/p/{slug}/backlog/export"] = "a CSV download",
        ["/p/{slug}/backlog/import/{id:int}/progress/fragment"] = "a fragment of the progress page, swept inside it",
        ["/notifications/count"] = "the bell's unread count, as JSON",
    };

    /// <summary>Signed out: the sign-in page, the signed-out page and the error page.</summary>
    private static readonly SweepPage[] SignedOut =
    [
        new("/Account/Login", [null], _ => Task.FromResult("/Account/Login")),
        new("/Account/Logout", [null], _ => Task.FromResult("/Account/Logout")),
        new("/Error/{code?}", [null, Who.ProductOwner], _ => Task.FromResult("/Error/404")),
    ];

    public static IReadOnlyList<SweepPage> All { get; } =
    [
        .. AccessTests.AllRows
            .Where(r => r is { Method: "GET", IsApi: false, Handler: null } && !NotPages.ContainsKey(r.Template))
            .Select(r => new SweepPage(r.Template, [.. r.Allowed.Where(w => w != Who.Outsider).Select(w => (Who?)w)], app => r.UrlAsync(app.App))),
        .. SignedOut,
    ];

    /// <summary>The pages a persona visits (null: signed out).</summary>
    public static IEnumerable<SweepPage> For(Who? who) => All.Where(p => p.Allowed.Contains(who));

    /// <summary>The personas of the sweeps: one per kind of member (the Scrum master stands for the developer too), the administrator, and nobody signed in.</summary>
    public static TheoryData<string> Personas() =>
        new("Admin", nameof(Who.ProductManager), nameof(Who.ProductOwner), nameof(Who.ScrumMaster), nameof(Who.Stakeholder), "SignedOut");

    public static Who? Persona(string name) => name == "SignedOut" ? null : Enum.Parse<Who>(name);

    /// <summary>Every Razor page route the running app serves, as its template.</summary>
    public static IEnumerable<string> ServedPageTemplates(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.OfType<PageActionDescriptor>().Any())
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Select(t => t.EndsWith("/Index", StringComparison.Ordinal) ? t[..^"/Index".Length] : t)
            .Select(t => t.Length == 0 ? "/" : t)
            .Distinct(StringComparer.Ordinal);
}
