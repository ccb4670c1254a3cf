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

    [Fact]
    public async Task A_backlog_item_s_life_and_its_sprint_arrive_in_the_order_they_happened_each_once_and_signed()
    {
        var product = await App.NewProduct("Webhook order").BuildAsync();
        var (receiver, _) = await WebhookFixture.SubscribeAsync(product);
        await using var _ = receiver;

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
        var received = await receiver.WaitForAsync(r => r.Select(x => x.Event).Where(expected.Contains).Count() >= expected.Length
            && r.Any(x => x.Event == "sprint_review.ready"), "the item's and the sprint's events");
        var chosen = received.Where(r => expected.Contains(r.Event)).ToList();
        Assert.Equal(expected, chosen.Select(r => r.Event));
        Assert.Equal(received.Count, received.Select(r => r.Id).Distinct().Count());
        Assert.All(received, r => Assert.True(r.SignatureValid && r.AnsweredWith == 200));

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
        var (receiver, _) = await WebhookFixture.SubscribeAsync(product, WebhookEvent.FeedbackReceived, WebhookEvent.RoadmapPublished);
        await using var _ = receiver;

        await product.BacklogItem("Not chosen").CreateAsync();
        var feedback = await product.Feedback("Please remember my card.").From(ProductRoles.Web.Domain.Feedback.FeedbackSourceKind.Support, "Support desk").CreateAsync();
        await product.RoadmapItem("One-page checkout").CreateAsync();
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, "Checkout first"));

        var received = await receiver.WaitForAsync(r => r.Count == 2, "the feedback and the published roadmap");
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
