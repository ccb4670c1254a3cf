using ProductRoles.Tests.Infrastructure;

namespace ProductRoles.Tests.Access;

/// <summary>Who asks: a demo user per role (members of the <see cref="AccessProduct"/>), the administrator, and a member of another product.</summary>
public enum Who
{
    Admin,
    ProductManager,
    ProductOwner,
    ScrumMaster,
    Developer,
    Stakeholder,
    Outsider,
}

/// <summary>
/// One page or handler of the app and who may use it. Everyone else gets 403, except a member of
/// another product asking about this one, who gets 404. Denied POSTs must change nothing.
/// </summary>
/// <param name="Template">The page's route template as the app declares it, e.g. /p/{slug}/settings.</param>
/// <param name="Handler">For POSTs, the page handler name (OnPostRemove → "Remove"), or null for OnPost.</param>
/// <param name="Form">Fields to post; prefer input the handler rejects, so allowed callers get 200 and nothing changes.</param>
/// <param name="Resolve">Fills route values beyond {slug} (e.g. an item id), from the <see cref="AccessProduct"/>.</param>
public sealed record AccessRow(
    string Method,
    string Template,
    Who[] Allowed,
    string? Handler = null,
    IReadOnlyDictionary<string, string>? Form = null,
    Func<AppFixture, Task<IReadOnlyDictionary<string, string>>>? Resolve = null,
    object? Json = null,
    Func<AppFixture, string, Task<IReadOnlyDictionary<string, string>>>? ResolveIn = null)
{
    public bool IsApi => Template.StartsWith("/api/", StringComparison.Ordinal);

    public string Name => $"{Method} {Template}{(Handler is null ? "" : "?handler=" + Handler)}";

    public bool IsProductScoped =>
        Template.StartsWith("/p/{slug}", StringComparison.Ordinal) || Template.StartsWith("/api/products/{slug}", StringComparison.Ordinal)
        || Template.StartsWith("/api/v1/products/{slug}", StringComparison.Ordinal);

    public async Task<string> UrlAsync(AppFixture app) => await UrlInAsync(app, (await AccessProduct.GetAsync(app)).Product.Slug);

    /// <summary>The row's URL in a given product: <see cref="ResolveIn"/> finds its ids there (the hostile walk's own product).</summary>
    public async Task<string> UrlInAsync(AppFixture app, string slug)
    {
        var url = Template.Replace("{slug}", slug, StringComparison.Ordinal);
        var values = ResolveIn is not null ? await ResolveIn(app, slug) : Resolve is not null ? await Resolve(app) : null;
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            url = url.Replace("{" + key + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return Handler is null ? url : $"{url}?handler={Handler}";
    }

    public static AccessRow Get(string template, params Who[] allowed) => new("GET", template, allowed);

    /// <summary>A JSON API write (PUT/POST/DELETE) sent with the antiforgery header.</summary>
    public static AccessRow JsonWrite(string method, string template, object json, params Who[] allowed) =>
        new(method, template, allowed, Json: json);

    /// <summary>A JSON API write to a route with ids, found in whichever product the row is asked about.</summary>
    public static AccessRow JsonWrite(string method, string template, object json, Who[] allowed,
        Func<AppFixture, string, Task<IReadOnlyDictionary<string, string>>> resolveIn) =>
        new(method, template, allowed, Json: json, ResolveIn: resolveIn);

    /// <summary>A GET of a route with ids, found in whichever product the row is asked about.</summary>
    public static AccessRow Get(string template, Who[] allowed, Func<AppFixture, string, Task<IReadOnlyDictionary<string, string>>> resolveIn) =>
        new("GET", template, allowed, ResolveIn: resolveIn);

    public static AccessRow Post(string template, Who[] allowed, string? handler = null, IReadOnlyDictionary<string, string>? form = null) =>
        new("POST", template, allowed, handler, form);
}

/// <summary>A feature's rows. Each feature adds one class implementing this; the harness finds them all.</summary>
public interface IAccessRows
{
    IEnumerable<AccessRow> Rows { get; }
}

public static class Roles
{
    public static readonly Who[] Everyone = Enum.GetValues<Who>();
    public static readonly Who[] Members = [Who.ProductManager, Who.ProductOwner, Who.ScrumMaster, Who.Developer, Who.Stakeholder];
    public static readonly Who[] MembersAndAdmin = [.. Members, Who.Admin];
    public static readonly Who[] Team = [Who.ProductManager, Who.ProductOwner, Who.ScrumMaster, Who.Developer];
    public static readonly Who[] ScrumTeam = [Who.ProductOwner, Who.ScrumMaster, Who.Developer];
    public static readonly Who[] AdminOnly = [Who.Admin];
}
