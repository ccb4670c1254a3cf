using System.Diagnostics;
using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProductRoles.Tests.Security.HostileInput;

/// <summary>
/// The hostile-input walk: built like the access walk, but it finds its work by itself. It follows the
/// app's links as every role, reads every post form it meets, and posts hostile values into every
/// field, one field at a time, the other fields as the form had them and the antiforgery token kept.
/// A form or field added tomorrow is walked without new code.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileInputWalkTests(HostileWalkFixture walk, ITestOutputHelper output)
{
    private const string Slug = HostileWalkFixture.Slug;

    /// <summary>The order callers are tried in: a form is walked as the first caller that sees it.</summary>
    private static readonly string[] Callers = ["Admin", "ProductManager", "ProductOwner", "ScrumMaster", "Developer", "Stakeholder", "Anonymous"];

    [Fact]
    public async Task Every_field_of_every_form_refuses_hostile_input_with_a_message_or_stores_it_encoded()
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var visits = await CrawlEveryoneAsync();
        var crawled = clock.Elapsed;

        // Each distinct form is walked as the first caller that sees it, on the first page that shows it.
        var forms = new Dictionary<string, (PageVisit Visit, FoundForm Form, List<string> SeenBy)>();
        foreach (var visit in visits)
        {
            foreach (var form in FormWalker.Forms(visit).Where(f => !f.Target.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)))
            {
                if (forms.TryGetValue(form.Key, out var known))
                {
                    if (!known.SeenBy.Contains(visit.Who))
                    {
                        known.SeenBy.Add(visit.Who);
                    }
                }
                else
                {
                    forms[form.Key] = (visit, form, [visit.Who]);
                }
            }
        }

        failures.AddRange(PagesWithFormsNotReached(visits));

        var posts = 0;
        var fields = 0;
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var current = await walk.FingerprintAsync();
        foreach (var (key, (visit, first, seenBy)) in forms.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var client = walk.Clients[visit.Who];
            var form = first;
            foreach (var field in FormWalker.Distinct(first.Fields))
            {
                fields++;
                foreach (var value in HostileValues.For(field.Class))
                {
                    posts++;
                    var before = current;
                    using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, form.Target) { Content = FormWalker.Body(form, field.Name, value) });
                    var status = (int)response.StatusCode;
                    var where = $"{form.Target} field '{field.Name}' ({field.Class}) as {visit.Who} with {value.Category}";
                    if (status >= 500)
                    {
                        failures.Add($"{where}: answered {status}.");
                        current = await walk.FingerprintAsync();
                        continue;
                    }

                    if (status is >= 300 and < 400)
                    {
                        if (field.Class is FieldClass.Number or FieldClass.Date or FieldClass.Checkbox && !value.Readable)
                        {
                            failures.Add($"{where}: accepted a value no {field.Class} can read (dropped silently instead of refused).");
                        }

                        touched.Add(visit.Url);
                        if (response.Headers.Location is { } location && FormWalker.Local(location.ToString()) is { } next && InScope(next))
                        {
                            touched.Add(next.Split('#')[0]);
                        }

                        // Accepted: the value is stored (the final pass checks it is shown encoded). The form is
                        // read again so the next value goes with the current version.
                        form = await ReloadAsync(visit, key) ?? form;
                        current = await walk.FingerprintAsync();
                        continue;
                    }

                    if (status == 200 && response.Content.Headers.ContentType?.MediaType == "text/html")
                    {
                        var page = await TestClient.ParseAsync(response);
                        if (FormWalker.Unencoded(page) is { } raw)
                        {
                            failures.Add($"{where}: the re-shown page holds {raw} from the hostile value.");
                        }

                        if (!FormWalker.ShowsMessage(page))
                        {
                            failures.Add($"{where}: answered 200 with no message (a silent refusal).");
                        }
                    }

                    var after = current = await walk.FingerprintAsync();
                    if (after != before)
                    {
                        failures.Add($"{where}: refused ({status}) but something changed ({before} → {after}).");
                    }
                }
            }

            // Every other caller who sees the form gets, in every field, the value that passes binding and must be refused by validation.
            foreach (var who in seenBy.Skip(1))
            {
                foreach (var field in FormWalker.Distinct(first.Fields))
                {
                    foreach (var value in HostileValues.Everywhere.Where(v => v.Category is "control characters"))
                    {
                        posts++;
                        using var response = await walk.Clients[who].SendAsync(new HttpRequestMessage(HttpMethod.Post, first.Target) { Content = FormWalker.Body(first, field.Name, value) });
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{first.Target} field '{field.Name}' as {who} with {value.Category}: answered {(int)response.StatusCode}.");
                        }
                    }
                }
            }
        }

        var walked = clock.Elapsed;
        failures.AddRange(await UnencodedAfterwardsAsync(touched));
        failures.AddRange(await StoredTextBreakingTheRulesAsync());

        output.WriteLine($"Hostile walk: {visits.Count} page visits, {forms.Count} forms, {fields} fields, {posts} posts in {clock.Elapsed.TotalSeconds:0.0} s " +
            $"(crawl {crawled.TotalSeconds:0.0} s, posts {(walked - crawled).TotalSeconds:0.0} s, final checks {(clock.Elapsed - walked).TotalSeconds:0.0} s).");
        foreach (var (key, (visit, _, seenBy)) in forms.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {key} on {visit.Url} as {string.Join("/", seenBy)}");
        }

        foreach (var failure in failures.Distinct())
        {
            output.WriteLine(failure);
        }

        Assert.True(forms.Count > 20, $"Only {forms.Count} forms were found: the walk lost its way.");
        Assert.True(failures.Count == 0, $"{failures.Count} hostile-input failures:\n" + string.Join("\n", failures.Distinct().Take(150)));
    }

    private async Task<List<PageVisit>> CrawlEveryoneAsync()
    {
        var visits = new List<PageVisit>();
        foreach (var who in Callers)
        {
            // The unsubscribe page is linked only from mail: the anonymous walk starts there too.
            string[] start = who == "Anonymous" ? ["/Account/Login", "/notifications/unsubscribe"] : ["/", $"/p/{Slug}", "/admin/products", "/admin/users"];
            visits.AddRange(await FormWalker.CrawlAsync(who, walk.Clients[who], start, InScope, perShape: 6));
        }

        return visits;
    }

    private static bool InScope(string url)
    {
        var path = url.Split('?')[0];
        return path == "/" || path.StartsWith($"/p/{Slug}", StringComparison.Ordinal) || path.StartsWith("/admin/", StringComparison.Ordinal)
            || path.StartsWith("/Account/Login", StringComparison.Ordinal) || path.StartsWith("/settings/", StringComparison.Ordinal)
            || path.StartsWith("/notifications", StringComparison.Ordinal);
    }

    private async Task<FoundForm?> ReloadAsync(PageVisit visit, string key)
    {
        using var response = await walk.Clients[visit.Who].GetAsync(visit.Url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var page = await TestClient.ParseAsync(response);
        return FormWalker.Forms(visit with { Page = page }).FirstOrDefault(f => f.Key == key);
    }

    /// <summary>Every page that has a post handler must have been reached, or its forms were never walked.</summary>
    private IEnumerable<string> PagesWithFormsNotReached(List<PageVisit> visits)
    {
        var endpoints = walk.App.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var page = endpoint.Metadata.OfType<PageActionDescriptor>().FirstOrDefault();
            if (page is null || page.ViewEnginePath is "/Error" or "/Account/Logout")
            {
                continue;
            }

            var modelType = Type.GetType($"ProductRoles.Web.Pages{page.ViewEnginePath.Replace('/', '.')}Model, ProductRoles.Web");
            var posts = modelType?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Any(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)) ?? false;
            if (!posts)
            {
                continue;
            }

            var raw = endpoint.RoutePattern.RawText ?? "";
            var matcher = new TemplateMatcher(TemplateParser.Parse(raw.TrimStart('/')), new RouteValueDictionary());
            if (!visits.Any(v => matcher.TryMatch(new Uri(new Uri("http://localhost"), v.Url).AbsolutePath, new RouteValueDictionary())))
            {
                yield return $"Page /{raw} has post handlers but no link led the walk to it: link it, or start the walk there.";
            }
        }
    }

    /// <summary>After the walk, no page shows any hostile markup as markup, to anyone: every kind of page, and every page an accepted value went to.</summary>
    private async Task<IEnumerable<string>> UnencodedAfterwardsAsync(IEnumerable<string> touched)
    {
        var failures = new List<string>();
        foreach (var who in Callers)
        {
            string[] start = who == "Anonymous" ? ["/Account/Login"] : [.. touched, "/", $"/p/{Slug}", "/admin/products", "/admin/users"];
            foreach (var visit in await FormWalker.CrawlAsync(who, walk.Clients[who], start, InScope))
            {
                if (FormWalker.Unencoded(visit.Page) is { } raw)
                {
                    failures.Add($"After the walk, {visit.Url} as {who} shows {raw} from a hostile value.");
                }
            }
        }

        return failures;
    }

    /// <summary>
    /// What the walk got stored keeps to the rules: no control character or broken character in any
    /// text column, and nothing longer than its column. (SQLite stores any length; SQL Server refuses
    /// it with an error, so a value past its column that got stored here would be a 500 in production.)
    /// </summary>
    private Task<List<string>> StoredTextBreakingTheRulesAsync() => walk.App.QueryAsync(async db =>
    {
        var failures = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.GetViewName() is null))
        {
            var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
            {
                if (property.GetColumnName(table) is not { } column || entity.ClrType.Name == "DataProtectionKey")
                {
                    continue;
                }

#pragma warning disable EF1002 // table and column names come from the model, not from input
                var values = await db.Database.SqlQueryRaw<string>($"SELECT \"{column}\" AS \"Value\" FROM \"{table.Name}\" WHERE \"{column}\" IS NOT NULL").ToListAsync();
#pragma warning restore EF1002
                if (values.FirstOrDefault(v => ProductRoles.Web.Infrastructure.Pipeline.RequestText.Problem(v) is not null) is { } bad)
                {
                    failures.Add($"{table.Name}.{column} holds a control or broken character: {bad[..Math.Min(bad.Length, 40)]}");
                }

                if (property.GetMaxLength() is { } max && values.FirstOrDefault(v => v.Length > max) is { } longValue)
                {
                    failures.Add($"{table.Name}.{column} holds {longValue.Length} characters, its column takes {max}: a validator lacks a maximum length.");
                }
            }
        }

        return failures;
    });
}
