using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.Notifications;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.ProductManager.RoadmapFeedback;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Features.Scrum.SprintReview;

namespace ProductRoles.Tests.Notifications;

/// <summary>Who is told of what: the right people, never the person who made the change, never a role that could not see the thing.</summary>
[Collection(AppCollection.Name)]
public sealed class NotificationRuleTests(AppFixture app)
{
    [Fact]
    public async Task A_mention_in_a_comment_tells_the_member_with_a_link_to_the_comment_but_not_the_author_nor_a_stakeholder()
    {
        var product = await app.NewProduct("Mentions").BuildAsync();
        var item = await product.BacklogItem("Pay with a wallet").CreateAsync();

        await product.SendAsync(AppFixture.Sm, new AddBacklogComment(product.Slug, item, "@dev can you pair on this? @stakeholder too"));

        var received = await product.ReceivedAsync();
        var mention = Assert.Single(received, r => r.Kind == NotificationKind.Mention);
        Assert.Equal(AppFixture.Dev, mention.Email);
        Assert.Equal($"Sam Martinez (Scrum master) mentioned you in a comment on #{item} “Pay with a wallet”", mention.Text);
        Assert.StartsWith($"/p/{product.Slug}/backlog/{item}#comment-", mention.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(received, r => r.Email == AppFixture.Stakeholder);
        Assert.DoesNotContain(received, r => r.Email == AppFixture.Sm);
        // The product owner made the item, so watches it: told of the comment, as a watcher.
        Assert.Equal(NotificationKind.WatchedChanged, Assert.Single(received, r => r.Email == AppFixture.Po).Kind);
    }

    [Fact]
    public async Task Watchers_hear_of_Done_and_several_changes_within_minutes_become_one_notification()
    {
        var product = await app.NewProduct("Watch coalesce").BuildAsync();
        var item = await product.BacklogItem("Save the card").CreateAsync();
        await product.SendAsync(AppFixture.Pm, new WatchBacklogItem(product.Slug, item, true));

        await product.SendAsync(AppFixture.Dev, new AddBacklogComment(product.Slug, item, "Started on it"));
        await product.MarkDoneAsync(item);

        var received = await product.ReceivedAsync();
        var pm = Assert.Single(received, r => r.Email == AppFixture.Pm);
        Assert.Equal(2, pm.Count);
        Assert.Equal($"2 changes to #{item} “Save the card”", pm.Text);
        Assert.Equal(2, Assert.Single(received, r => r.Email == AppFixture.Po).Count);
        // The developer commented (so watches) and marked it Done: told of neither.
        Assert.DoesNotContain(received, r => r.Email == AppFixture.Dev);
    }

    [Fact]
    public async Task Unwatching_stops_the_notifications()
    {
        var product = await app.NewProduct("Unwatch").BuildAsync();
        var item = await product.BacklogItem("Retry a payment").CreateAsync();
        await product.SendAsync(AppFixture.Po, new WatchBacklogItem(product.Slug, item, false));

        await product.SendAsync(AppFixture.Dev, new AddBacklogComment(product.Slug, item, "Looks fine"));

        Assert.Empty(await product.ReceivedAsync());
    }

    [Fact]
    public async Task Roadmap_feedback_mentioning_the_product_manager_tells_them_and_the_answer_tells_its_author()
    {
        var product = await app.NewProduct("Feedback loop").BuildAsync();
        var roadmapItem = await product.RoadmapItem("Wallet payments").CreateAsync();

        var feedbackId = await product.SendAsync(AppFixture.Po,
            new GiveRoadmapFeedback(product.Slug, roadmapItem, RoadmapFeedbackKind.Feasibility, "@pm this needs the card vault first"));
        var toPm = Assert.Single(await product.ReceivedAsync());
        Assert.Equal((AppFixture.Pm, NotificationKind.Mention), (toPm.Email, toPm.Kind));
        Assert.Equal($"/p/{product.Slug}/roadmap/{roadmapItem}#feedback-{feedbackId}", toPm.Url);

        var version = await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.RoadmapFeedback.Where(f => f.Id == feedbackId).Select(f => f.Version)));
        await product.SendAsync(AppFixture.Pm, new ResolveRoadmapFeedback(product.Slug, feedbackId, RoadmapFeedbackStatus.Accepted, "Agreed, vault first", version));

        var toPo = Assert.Single(await product.ReceivedAsync(), r => r.Email == AppFixture.Po);
        Assert.Equal(NotificationKind.RoadmapFeedbackAnswered, toPo.Kind);
        Assert.Contains("answered your feedback on “Wallet payments” (Accepted)", toPo.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await product.ReceivedAsync()).Count);
    }

    [Fact]
    public async Task Feedback_on_a_roadmap_item_tells_its_owner_but_never_a_stakeholder_mentioned_in_it()
    {
        var product = await app.NewProduct("Owner told").BuildAsync();
        var roadmapItem = await product.RoadmapItem("One-tap checkout").CreateAsync();

        await product.SendAsync(AppFixture.Dev,
            new GiveRoadmapFeedback(product.Slug, roadmapItem, RoadmapFeedbackKind.Risk, "Fraud checks add latency, @stakeholder"));

        var only = Assert.Single(await product.ReceivedAsync());
        Assert.Equal((AppFixture.Pm, NotificationKind.RoadmapFeedback), (only.Email, only.Kind));
    }

    [Fact]
    public async Task Closing_a_sprint_tells_the_team_it_closed_and_the_stakeholders_that_its_review_is_ready()
    {
        var product = await app.NewProduct("Review ready").BuildAsync();
        var item = await product.BacklogItem("Receipt by email").Estimate(3).CreateAsync();
        var sprint = await product.Sprint("Sprint 1").Planning(item).Started().CreateAsync();

        await product.CloseSprintAsync(sprint);

        var received = await product.ReceivedAsync();
        var review = Assert.Single(received, r => r.Kind == NotificationKind.SprintReviewReady);
        Assert.Equal((AppFixture.Stakeholder, $"/p/{product.Slug}/sprints/{sprint}/review"), (review.Email, review.Url));
        var closed = received.Where(r => r.Kind == NotificationKind.Sprint && r.Text.Contains("closed", StringComparison.Ordinal)).Select(r => r.Email).Order().ToList();
        Assert.Equal(new[] { AppFixture.Dev, AppFixture.Pm, AppFixture.Sm }.Order(), closed);
    }

    [Fact]
    public async Task Publishing_the_roadmap_tells_stakeholders_with_its_note()
    {
        var product = await app.NewProduct("Published").BuildAsync();
        await product.RoadmapItem("Wallets").CreateAsync();

        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, "Wallets move to Now"));

        var only = Assert.Single(await product.ReceivedAsync());
        Assert.Equal((AppFixture.Stakeholder, NotificationKind.RoadmapPublished), (only.Email, only.Kind));
        Assert.EndsWith("published the roadmap: “Wallets move to Now”", only.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stakeholder_hears_that_their_review_feedback_was_turned_into_a_story_on_the_review()
    {
        var product = await app.NewProduct("Your feedback").BuildAsync();
        var item = await product.BacklogItem("Saved addresses").Estimate(2).CreateAsync();
        var sprint = await product.Sprint("Sprint 1").Planning(item).Started().CreateAsync();
        await product.CloseSprintAsync(sprint);
        var feedbackId = await product.SendAsync(AppFixture.Stakeholder, new GiveSprintReviewFeedback(product.Slug, sprint, "Support asks for a reorder button"));
        var toPo = Assert.Single(await product.ReceivedAsync(), r => r.Kind == NotificationKind.CustomerFeedback);
        Assert.Equal(AppFixture.Po, toPo.Email);

        await product.SendAsync(AppFixture.Po, new ProductRoles.Web.Features.ProductOwner.Feedback.TurnFeedbackIntoBacklogItems(
            product.Slug, feedbackId, ProductRoles.Web.Domain.Backlog.BacklogItemType.Story, "shopper", "to reorder", "I save time"));

        var told = Assert.Single(await product.ReceivedAsync(), r => r.Kind == NotificationKind.YourFeedbackTriaged && r.Text.Contains("story", StringComparison.Ordinal));
        Assert.Equal(AppFixture.Stakeholder, told.Email);
        Assert.Equal($"/p/{product.Slug}/sprints/{sprint}/review#review-feedback-{feedbackId}", told.Url);
    }

    [Fact]
    public async Task A_member_made_a_stakeholder_loses_the_notifications_the_new_role_cannot_read()
    {
        var product = await app.NewProduct("Role change").BuildAsync();
        var item = await product.BacklogItem("Split payments").CreateAsync();
        await product.SendAsync(AppFixture.Po, new AddBacklogComment(product.Slug, item, "@dev have a look"));
        Assert.Single(await product.ReceivedAsync(), r => r.Email == AppFixture.Dev);

        await app.AsUserAsync(AppFixture.Admin, s => s.Send(new ProductRoles.Web.Features.Administration.SetMemberRole(product.Slug, AppFixture.Dev,
            ProductRoles.Web.Domain.ProductRole.Stakeholder)).AsTask());

        Assert.DoesNotContain(await product.ReceivedAsync(), r => r.Email == AppFixture.Dev);
    }
}
