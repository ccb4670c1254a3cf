using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Features.Notifications;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.Notifications;

/// <summary>Notifying many people costs what notifying two does: one INSERT for all of them, and the same statements per request.</summary>
[Collection(AppCollection.Name)]
public sealed class NotificationStatementTests(AppFixture app)
{
    public const string InsertIntoNotifications = "INSERT INTO \"Notifications\"";

    [Fact]
    public async Task A_comment_notifying_50_watchers_writes_them_in_one_statement_and_as_many_statements_as_for_2()
    {
        var (two, twoInserts, twoReceived) = await CommentWatchedByAsync(2);
        var (fifty, fiftyInserts, fiftyReceived) = await CommentWatchedByAsync(50);

        Assert.Equal(2, twoReceived);
        Assert.Equal(50, fiftyReceived);
        Assert.Equal(1, twoInserts);
        Assert.Equal(1, fiftyInserts);
        Assert.Equal(two, fifty);
    }

    /// <summary>A product whose item <paramref name="watchers"/> members watch (its author, the product owner, among them); the scrum master comments.</summary>
    private async Task<(long Statements, long Inserts, int Received)> CommentWatchedByAsync(int watchers)
    {
        var product = await app.NewProduct($"Watchers {watchers}").BuildAsync();
        var item = await product.BacklogItem("Pay by bank transfer").CreateAsync();
        await product.SendAsync(AppFixture.Pm, new WatchBacklogItem(product.Slug, item, true));
        for (var n = 3; n <= watchers; n++)
        {
            var email = $"watcher{n}-{product.Slug}@test.local";
            await app.AsUserAsync(AppFixture.Admin, async s =>
            {
                await s.Send(new CreateUser(email, $"Watcher {n}", AppFactory.DemoPassword, false));
                await s.Send(new SetMemberRole(product.Slug, email, ProductRole.Developer));
            });
            await product.SendAsync(email, new WatchBacklogItem(product.Slug, item, true));
        }

        var counter = app.Factory.SqlCommands;
        counter.Watching = InsertIntoNotifications;
        try
        {
            counter.Reset();
            await product.SendAsync(AppFixture.Sm, new AddBacklogComment(product.Slug, item, "Ready for review"));
            return (counter.Count, counter.WatchedCount, (await product.ReceivedAsync()).Count);
        }
        finally
        {
            counter.Watching = null;
        }
    }
}
