using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Backlog.Import;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Features.Webhooks;
using static ProductRoles.Tests.ProductOwner.Import.ImportTestSupport;

namespace ProductRoles.Tests.ProductOwner.Import;

/// <summary>
/// Imported items are announced like items written by hand: each batch raises one event, which webhooks turn into a
/// <c>backlog_item.created</c> per new item and a <c>backlog_item.changed</c> per updated one, written into the outbox
/// in the batch's own transaction (this app's sender is off, so the deliveries wait there to be looked at).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ImportEventTests(AppFixture app)
{
    [Fact]
    public async Task Webhook_subscribers_hear_of_every_item_an_import_creates_and_every_item_a_second_import_updates()
    {
        var product = await app.NewProduct("Import events").BuildAsync();
        var subscription = await product.SendAsync(AppFixture.Pm, new SubscribeWebhook(product.Slug, "https://192.0.2.10/backlog",
            [WebhookEvent.BacklogItemCreated, WebhookEvent.BacklogItemChanged]));
        var client = await app.SharedClientAsync(AppFixture.Po);
        var file = Jira(30, out var issues);

        var first = await RunAsync(app, client, await PreviewAsync(client, product, file));
        Assert.Equal(ImportState.Completed, first.State);
        var created = await DeliveriesAsync(subscription.SubscriptionId);
        var itemIds = await app.QueryAsync(db => db.BacklogItems.Where(i => i.ProductId == product.Id).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync());
        Assert.Equal(first.CreatedItems, itemIds.Count);
        Assert.All(created, d => Assert.Equal("backlog_item.created", d.GetProperty("event").GetString()));
        Assert.Equal(itemIds, created.Select(d => d.GetProperty("data").GetProperty("backlogItem").GetProperty("id").GetInt32()).Order());
        Assert.All(created, d => Assert.Equal(first.Id, d.GetProperty("data").GetProperty("importId").GetInt32()));
        Assert.All(created, d => Assert.Equal("Oliver Owens (PO)", d.GetProperty("data").GetProperty("actor").GetProperty("name").GetString()));

        // The same file again: its keys match, so every item is updated in place.
        var second = await RunAsync(app, client, await PreviewAsync(client, product, file));
        Assert.Equal(ImportState.Completed, second.State);
        var changed = (await DeliveriesAsync(subscription.SubscriptionId)).Skip(created.Count).ToList();
        Assert.Equal(second.UpdatedItems, changed.Count);
        Assert.True(changed.Count > 0, $"The second import of {issues.Count} issues updated nothing.");
        Assert.All(changed, d => Assert.Equal("backlog_item.changed", d.GetProperty("event").GetString()));
        Assert.All(changed, d => Assert.Equal(second.Id, d.GetProperty("data").GetProperty("importId").GetInt32()));
    }

    private Task<List<JsonElement>> DeliveriesAsync(int subscriptionId) => app.QueryAsync(async db =>
        (await db.OutboxMessages.Where(m => m.Kind == WebhookOutbox.Kind && m.Partition == WebhookOutbox.Partition(subscriptionId))
            .OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync())
        .Select(p => JsonDocument.Parse(p).RootElement.Clone()).ToList());
}
