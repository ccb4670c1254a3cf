using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.Webhooks;

/// <summary>A command looks for webhook subscriptions once, whether it changes 2 items or 20 (each raises its own event).</summary>
[Collection(AppCollection.Name)]
public sealed class WebhookQueueCostTests(AppFixture app)
{
    [Fact]
    public async Task A_bulk_edit_asks_for_subscriptions_once_whatever_the_number_of_items()
    {
        var product = await app.NewProduct("Webhook cost").BuildAsync();
        var items = new List<int>();
        for (var n = 0; n < 22; n++)
        {
            items.Add(await product.BacklogItem($"Item {n + 1}").CreateAsync());
        }

        async Task<long> SubscriptionQueriesAsync(IReadOnlyList<int> ids, BacklogItemStatus status)
        {
            long statements = 0;
            await app.AsUserAsync(AppFixture.Po, async sender =>
            {
                app.Factory.SqlCommands.Watching = "\"WebhookSubscriptions\"";
                app.Factory.SqlCommands.Reset();
                Assert.Equal(ids.Count, await sender.Send(new BulkEditBacklogItems(product.Slug, ids, null, status, null, false)));
                statements = app.Factory.SqlCommands.WatchedCount;
                app.Factory.SqlCommands.Watching = null;
            });
            return statements;
        }

        await SubscriptionQueriesAsync(items[..2], BacklogItemStatus.Ready); // warm-up: compiled queries
        var two = await SubscriptionQueriesAsync(items[..2], BacklogItemStatus.InProgress);
        var twenty = await SubscriptionQueriesAsync(items[2..], BacklogItemStatus.InProgress);

        Assert.Equal(1, two);
        Assert.Equal(1, twenty);
    }
}
