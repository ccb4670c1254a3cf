using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.Webhooks;

/// <summary>What the product's changes send: the chosen events, in the order they happened, with what changed.</summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookEventTests(WebhookFixture webhooks)
{
    private AppFixture App => webhooks.App;

    /// <summary>
    /// The receiver is down for one try (the fourth request, the move): the move is tried again after its backoff and
    /// nothing behind it overtakes it. A receiver can get a delivery more than once (at least once), so it keeps each id once.
    /// </summary>
    [Fact]
    public async Task A_backlog_item_s_life_and_its_sprint_arrive_in_the_order_they_happened_each_id_taken_once_signed_and_across_a_retry()
    {
        var product = await App.NewProduct("Webhook order").BuildAsync();
        var (receiver, subscriptionId) = await WebhookFixture.SubscribeAsync(product);
        await using var _ = receiver;
        receiver.Answer = (n, _) => Task.FromResult(n == 4 ? 503 : 200);

        await product.BacklogItem("Already there").CreateAsync();
        var item = await product.BacklogItem("Remember the card").Estimate(3).CreateAsync();
        var version = await App.QueryAsync(db => db.BacklogItems.Where(i => i.Id == item).Select(i => i.Version).SingleAsync());
        await product.SendAsync(AppFixture.Po, new EditBacklogItem(product.Slug, item,
            new BacklogItemFields(BacklogItemType.Chore, "Remember the card for next time", null, null, null, null, 5, BacklogItemStatus.Ready, null, null, null), version));
        await product.SendAsync(AppFixture.Po, new MoveBacklogItem(product.Slug, item, BacklogMove.Top));
        var sprint = await product.Sprint("Sprint 1").Planning(item).Started().CreateAsync();
        await product.MarkDoneAsync(item);
        await product.CloseSprintAsync(sprint);

        string[] expected =
        [
            "backlog_item.created", "backlog_item.created", "backlog_item.changed", "backlog_item.moved", "sprint.started",
            "backlog_item.done", "sprint.closed", "sprint_review.ready",
        ];
        var received = await webhooks.WaitForDeliveriesAsync(receiver, subscriptionId,
            r => WebhookFixture.Taken(r).Any(x => x.Event == "sprint_review.ready"), "the item's and the sprint's events");
        var chosen = WebhookFixture.Taken(received).Where(r => expected.Contains(r.Event)).ToList();
        Assert.Equal(expected, chosen.Select(r => r.Event));
        // The request after the refused one was the same delivery again: nothing overtook it.
        var refused = received.Select((r, i) => (r, i)).Single(x => x.r.AnsweredWith == 503);
        Assert.Equal(refused.r.Id, received[refused.i + 1].Id);
        Assert.All(received.GroupBy(r => r.Id), copies => Assert.Single(copies.Select(c => c.Body.ToString()).Distinct()));
        Assert.All(received, r => Assert.True(r.SignatureValid));

        var changed = chosen[2].Body.GetProperty("data");
        Assert.Equal("Remember the card for next time", changed.GetProperty("backlogItem").GetProperty("title").GetString());
        Assert.Contains(changed.GetProperty("changes").EnumerateArray(), c => c.GetProperty("new").GetString() == "Remember the card for next time");
        Assert.Equal("Oliver Owens (PO)", changed.GetProperty("actor").GetProperty("name").GetString());
        var moved = chosen[3].Body.GetProperty("data");
        Assert.Equal((2, 1), (moved.GetProperty("fromPosition").GetInt32(), moved.GetProperty("toPosition").GetInt32()));
        Assert.Equal("Done", chosen[5].Body.GetProperty("data").GetProperty("backlogItem").GetProperty("status").GetString());
        Assert.Equal($"/p/{product.Slug}/sprints/{sprint}/review", chosen[7].Body.GetProperty("data").GetProperty("review").GetProperty("path").GetString());
    }

    [Fact]
    public async Task Only_the_chosen_events_are_sent_feedback_and_the_published_roadmap_among_them()
    {
        var product = await App.NewProduct("Webhook choice").BuildAsync();
        var (receiver, subscriptionId) = await WebhookFixture.SubscribeAsync(product, WebhookEvent.FeedbackReceived, WebhookEvent.RoadmapPublished);
        await using var _ = receiver;

        await product.BacklogItem("Not chosen").CreateAsync();
        var feedback = await product.Feedback("Please remember my card.").From(ProductRoles.Web.Domain.Feedback.FeedbackSourceKind.Support, "Support desk").CreateAsync();
        await product.RoadmapItem("One-page checkout").CreateAsync();
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, "Checkout first"));

        var received = WebhookFixture.Taken(await webhooks.WaitForDeliveriesAsync(receiver, subscriptionId, r => WebhookFixture.Taken(r).Count == 2,
            "the feedback and the published roadmap"));
        Assert.Equal(["feedback.received", "roadmap.published"], received.Select(r => r.Event));
        var data = received[0].Body.GetProperty("data").GetProperty("feedback");
        Assert.Equal((feedback, "Please remember my card.", "Support"),
            (data.GetProperty("id").GetInt32(), data.GetProperty("text").GetString(), data.GetProperty("sourceKind").GetString()));
        Assert.Equal("Checkout first", received[1].Body.GetProperty("data").GetProperty("roadmap").GetProperty("note").GetString());
    }

    [Fact]
    public async Task A_subscription_whose_owner_left_the_product_is_sent_nothing_more()
    {
        var product = await App.NewProduct("Webhook owner left").BuildAsync();
        var (receiver, subscriptionId) = await WebhookFixture.SubscribeAsync(product);
        await using var _ = receiver;
        var pm = await App.QueryAsync(db => db.Users.Where(u => u.Email == AppFixture.Pm).Select(u => u.Id).SingleAsync());
        await product.SendAsync(AppFixture.Admin, new RemoveMember(product.Slug, pm));

        await product.BacklogItem("After the owner left").CreateAsync();

        Assert.Empty(await webhooks.MessagesAsync(subscriptionId));
    }
}
