using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Web.Data.Identity;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Notifications;

namespace ProductRoles.Bench;

/// <summary>
/// What notifying many people costs (<c>--notifications</c>): for each watcher count, a product of its own whose
/// backlog item that many members watch, and a comment on it posted over HTTP as a browser does (the comment
/// form, with its antiforgery token). Counted for that one POST: every SQL statement, and the INSERTs into
/// <c>Notifications</c>. The notifications are written by one <c>INSERT … SELECT</c> whatever the count, and the
/// statements per request do not grow with the watchers.
/// Figures <c>notification_insert_statements_n{N}_watchers</c> and <c>notification_statements_per_request_n{N}</c>.
/// </summary>
public static partial class NotificationBench
{
    public const string Flag = "--notifications";
    public const string CommenterEmail = "commenter@bench.local";
    public static readonly int[] WatcherCounts = [1, 10, 50, 200];

    private const string InsertIntoNotifications = "INSERT INTO \"Notifications\"";

    /// <summary><c>--notifications [--json FILE]</c>: this scenario alone, on an app of its own.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var json = args.Count == 3 && args[1] == "--json" ? args[2] : null;
        if (args.Count != 1 && json is null)
        {
            await Console.Error.WriteLineAsync($"Usage: {Flag} [--json FILE]");
            return 2;
        }

        var report = new BenchReport { Mode = "notifications", Concurrency = 1 };
        using var app = new AppUnderTest();
        app.Start();
        await MeasureAsync(app, report, Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine(report.ToTable());
        if (json is not null)
        {
            await File.WriteAllTextAsync(json, report.ToJsonString());
            Console.WriteLine($"JSON written to {json}");
        }

        return report.Figures.Any(f => f.Met == false) ? 1 : 0;
    }

    public static async Task MeasureAsync(AppUnderTest app, BenchReport report, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(log);
        var commenter = await app.CreateUserAsync(CommenterEmail, "Sam Martinez (Scrum master)");
        var cookie = await app.SignInAsync(CommenterEmail);
        var details = new JsonObject();
        var statements = new List<long>();
        foreach (var watchers in WatcherCounts)
        {
            // Two items, each commented on once: the fewer statements of the two, so that a background job's
            // look for work landing inside the request is not counted as the request's.
            var (slug, itemIds) = await ProductWatchedByAsync(app, commenter, watchers);
            long total = long.MaxValue, inserts = 0;
            var received = 0;
            foreach (var itemId in itemIds)
            {
                var counted = await CommentAsync(app, cookie, slug, itemId);
                (total, inserts) = counted.Statements < total ? counted : (total, inserts);
                var subject = NotificationWatch.Key(WatchSubject.BacklogItem, itemId);
                received = await app.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.Subject == subject));
                if (received != watchers)
                {
                    throw new InvalidOperationException($"A comment watched by {watchers} told {received}.");
                }
            }

            statements.Add(total);
            report.Add(string.Create(CultureInfo.InvariantCulture, $"notification_insert_statements_n{watchers}_watchers"), inserts,
                "1", v => v == 1);
            report.Add(string.Create(CultureInfo.InvariantCulture, $"notification_statements_per_request_n{watchers}"), total,
                "the same for every watcher count", v => v == statements[0]);
            details[string.Create(CultureInfo.InvariantCulture, $"n{watchers}")] = new JsonObject
            {
                ["watchers"] = watchers, ["notified"] = received, ["statements"] = total, ["insertsIntoNotifications"] = inserts,
                ["request"] = $"POST /p/{slug}/backlog/{{id}}?handler=Comment",
            };
            log($"notifications: a comment watched by {watchers} wrote {received} notifications in {inserts} INSERT(s), {total} statements for the request");
        }

        report.Details["notifications"] = details;
    }

    /// <summary>A product, two backlog items, and <paramref name="watchers"/> developers watching both (made directly: their passwords are never needed).</summary>
    private static async Task<(string Slug, int[] ItemIds)> ProductWatchedByAsync(AppUnderTest app, AppUser commenter, int watchers)
    {
        var slug = string.Create(CultureInfo.InvariantCulture, $"bench-notify-{watchers}");
        var productId = await app.CreateProductAsync($"Bench notifications {watchers}", slug, commenter, ProductRole.ScrumMaster);
        var text = new TextGenerator(watchers);
        var now = DateTime.UtcNow;
        var items = BacklogData.Items(productId, 2, [], text, now).ToList();
        await app.WithDbAsync(async db =>
        {
            db.BacklogItems.AddRange(items);
            await db.SaveChangesAsync();
        });

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var members = new List<(string Id, string Email)>(watchers);
        for (var n = 1; n <= watchers; n++)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"watcher{n}-{watchers}@bench.local");
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Watcher {n}" };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            members.Add((user.Id, email));
        }

        await app.WithDbAsync(async db =>
        {
            foreach (var (id, email) in members)
            {
                db.ProductMembers.Add(new ProductMember { ProductId = productId, UserId = id, UserEmail = email, Role = ProductRole.Developer, AddedAt = now });
                foreach (var item in items)
                {
                    db.NotificationWatches.Add(new NotificationWatch { ProductId = productId, UserId = id, Subject = WatchSubject.BacklogItem, SubjectId = item.Id, CreatedAt = now });
                }
            }

            await db.SaveChangesAsync();
        });
        return (slug, [.. items.Select(i => i.Id)]);
    }

    /// <summary>The comment form's POST, as the browser sends it; counted alone (the GET for the token is not).</summary>
    private static async Task<(long Statements, long Inserts)> CommentAsync(AppUnderTest app, string cookie, string slug, int itemId)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var path = string.Create(CultureInfo.InvariantCulture, $"p/{slug}/backlog/{itemId}");
        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        get.Headers.TryAddWithoutValidation("Cookie", cookie);
        using var page = await client.SendAsync(get);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        if (page.StatusCode != HttpStatusCode.OK || !token.Success)
        {
            throw new InvalidOperationException($"/{path} answered {(int)page.StatusCode} without a comment form.");
        }

        using var post = new HttpRequestMessage(HttpMethod.Post, path + "?handler=Comment")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Comment"] = "Ready for review",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }),
        };
        post.Headers.TryAddWithoutValidation("Cookie", cookie);
        app.Statements.Watching = InsertIntoNotifications;
        try
        {
            app.Statements.Reset();
            using var answer = await client.SendAsync(post);
            var counted = (app.Statements.Count, app.Statements.WatchedCount);
            if ((int)answer.StatusCode is not (302 or 303))
            {
                throw new InvalidOperationException($"Commenting on /{path} answered {(int)answer.StatusCode}, not a redirect.");
            }

            return counted;
        }
        finally
        {
            app.Statements.Watching = null;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
