using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Ranking;

namespace ProductRoles.Tests.ProductOwner;

/// <summary>
/// Product owners pressing "Top" and "To bottom" at the same moment, over HTTP as the browser posts
/// the list's move forms: the same item moved by several at once, and other items moved to the ends
/// meanwhile. Nobody gets an error page, and the backlog's order stays whole and consistent. Its own
/// app, so the shared demo backlog keeps its order.
/// </summary>
public sealed class BacklogConcurrentMoveTests : IDisposable
{
    private const string Slug = AppFixture.DemoSlug;
    private readonly AppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Simultaneous_moves_of_the_same_item_and_of_others_to_the_ends_never_answer_5xx_and_keep_one_consistent_order()
    {
        var before = await SnapshotAsync();
        var movesRecorded = await MovesRecordedAsync();
        var same = before[30].Id;
        var toTop = before.Skip(40).Take(6).Select(b => b.Id).ToList();
        var toBottom = before.Skip(60).Take(6).Select(b => b.Id).ToList();
        var moves = Enumerable.Range(0, 8).Select(n => (Id: same, Move: n % 2 == 0 ? "Top" : "Bottom"))
            .Concat(toTop.Select(id => (Id: id, Move: "Top")))
            .Concat(toBottom.Select(id => (Id: id, Move: "Bottom")))
            .ToList();

        // Several product owners' browsers, each signed in with its own session and form token.
        var clients = new List<(TestClient Client, string Token)>();
        for (var n = 0; n < 4; n++)
        {
            var client = new TestClient(_factory);
            await client.SignInAsync(AppFixture.Po, AppFactory.DemoPassword);
            var page = await client.GetPageAsync($"/p/{Slug}/backlog");
            clients.Add((client, page.QuerySelector("#backlog-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!));
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = moves.Select(async (m, n) =>
        {
            var (client, token) = clients[n % clients.Count];
            await start.Task;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/p/{Slug}/backlog?handler=Move")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["itemId"] = m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["move"] = m.Move,
                    ["__RequestVerificationToken"] = token,
                }),
            };
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }).ToList();
        start.SetResult();
        var statuses = await Task.WhenAll(posts);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        var after = await SnapshotAsync();
        Assert.Equal(before.Select(b => b.Id).Order(), after.Select(a => a.Id).Order());
        Assert.Equal(after.Count, after.Select(a => a.Rank).Distinct(StringComparer.Ordinal).Count());
        Assert.All(after, a => Assert.True(RankKey.IsValid(a.Rank), a.Rank));
        // Everyone moved to the top is above everyone who was not moved, and the bottom likewise;
        // the item moved both ways ends at one of the two ends.
        var ends = toTop.Count + 1;
        Assert.Subset(after.Take(ends).Select(a => a.Id).ToHashSet(), toTop.ToHashSet());
        Assert.Subset(after.TakeLast(toBottom.Count + 1).Select(a => a.Id).ToHashSet(), toBottom.ToHashSet());
        Assert.Contains(same, after.Take(ends).Concat(after.TakeLast(toBottom.Count + 1)).Select(a => a.Id));
        var untouched = before.Where(b => b.Id != same && !toTop.Contains(b.Id) && !toBottom.Contains(b.Id)).Select(b => b.Id);
        Assert.Equal(untouched, after.Select(a => a.Id).Where(untouched.Contains));
        // Every move that changed a place is in the history (a "Top" for an item already on top changes nothing).
        Assert.InRange(await MovesRecordedAsync() - movesRecorded, toTop.Count + toBottom.Count + 1, moves.Count);
        foreach (var (client, _) in clients)
        {
            client.Dispose();
        }
    }

    private Task<int> MovesRecordedAsync() =>
        QueryAsync(db => db.Activities.CountAsync(a => a.Action == "Moved" && a.EntityType == "BacklogItem"));

    private Task<List<(int Id, string Rank)>> SnapshotAsync() => QueryAsync(async db =>
        (await db.BacklogItems.Where(i => db.Products.Any(p => p.Slug == Slug && p.Id == i.ProductId))
            .Select(i => new { i.Id, i.Rank }).ToListAsync())
        .OrderBy(i => i.Rank, StringComparer.Ordinal).Select(i => (i.Id, i.Rank)).ToList());

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
