using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Features.Scrum.SprintReview;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.Scrum.SprintReview;

/// <summary>Sprint reviews: the demo seed's closed sprints, and reviews of sprints in a product of the test's own.</summary>
[Collection(AppCollection.Name)]
public sealed partial class SprintReviewTests(AppFixture app)
{
    [GeneratedRegex(@"(\d+) of (\d+) points done · (\d+) returned")]
    private static partial Regex Totals();

    [GeneratedRegex(@"(\d+) pts?\b")]
    private static partial Regex Points();

    private static int PointsOf(string text) => int.Parse(Points().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_closed_demo_sprint_review_lists_an_increment_and_not_done_items_that_add_up_to_its_numbers()
    {
        var sprints = await app.QueryAsync(db => db.Sprints.Where(s => s.Product!.Slug == AppFixture.DemoSlug && s.State == SprintState.Closed)
            .OrderBy(s => s.StartDate).Select(s => new { s.Id, s.Name }).ToListAsync());
        Assert.NotEmpty(sprints);
        var client = await app.SharedClientAsync(AppFixture.Po);

        foreach (var sprint in sprints)
        {
            var page = await client.GetPageAsync($"/p/{AppFixture.DemoSlug}/sprints/{sprint.Id}/review");
            var totals = Totals().Match(page.Text(".page-head"));
            Assert.True(totals.Success, $"{sprint.Name}: no totals at the top");
            var (done, committed, returned) = (int.Parse(totals.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(totals.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(totals.Groups[3].Value, CultureInfo.InvariantCulture));

            var increment = page.QuerySelectorAll(".increment-list > li").ToList();
            var notDone = page.QuerySelectorAll("section[aria-labelledby=not-done-heading] li").ToList();
            Assert.True(increment.Count > 0, $"{sprint.Name}: {done} points done but no increment");
            Assert.Equal(done, increment.Sum(li => PointsOf(li.QuerySelector("div")!.TextContent)));
            Assert.Equal(returned, notDone.Sum(li => PointsOf(li.TextContent)));
            Assert.Equal(committed, done + returned);
            Assert.All(increment, li => Assert.Contains("Definition of Done v", li.TextContent, StringComparison.Ordinal));
            Assert.All(increment, li => Assert.DoesNotContain("No Definition of Done record", li.TextContent, StringComparison.Ordinal));
            if (returned == 0)
            {
                Assert.Contains("Everything planned was done.", page.Text("section[aria-labelledby=not-done-heading]"), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_review_shows_each_increment_item_with_the_definition_of_done_it_met_and_what_was_waived_and_why()
    {
        var product = await app.NewProduct("Review").WithDefinitionOfDone("Code reviewed", "Release notes written", "Tests pass").BuildAsync();
        var saved = await product.BacklogItem("Saved cards").Chore().Estimate(5).CreateAsync();
        var receipts = await product.BacklogItem("Receipts").Chore().Estimate(3).CreateAsync();
        var sprint = await product.Sprint("Done record sprint").Starting(new DateOnly(2026, 11, 20)).Planning(saved, receipts).Started().CreateAsync();
        var checklist = await product.AskAsync(AppFixture.Dev, new GetDoneChecklist(product.Slug, saved));
        var criteria = checklist.Criteria.Select((c, n) => n == 1
            ? new DoneCriterionInput(c.Id, false, true, "Notes go out with the marketing update")
            : new DoneCriterionInput(c.Id, true, false, null)).ToList();
        await product.SendAsync(AppFixture.Dev, new MarkBacklogItemDone(product.Slug, saved, checklist.DefinitionOfDoneVersionId!.Value, criteria, checklist.ItemVersion));
        await product.CloseSprintAsync(sprint);

        var page = await (await app.SharedClientAsync(AppFixture.Stakeholder)).GetPageAsync($"{product.Url}/sprints/{sprint}/review");
        var done = Assert.Single(page.QuerySelectorAll(".increment-list .increment-item"));
        Assert.Contains($"#{saved} Saved cards", done.TextContent, StringComparison.Ordinal);
        Assert.Contains("Definition of Done v1 met", done.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 waived", done.TextContent, StringComparison.Ordinal);
        Assert.Contains("Release notes written: Notes go out with the marketing update", done.TextContent, StringComparison.Ordinal);
        Assert.Contains($"#{receipts} Receipts", page.QuerySelector(".action-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 of 8 points done · 3 returned", page.QuerySelector(".page-head")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stakeholder_feedback_on_a_review_lands_in_the_product_owners_inbox_linked_to_the_review()
    {
        var product = await app.NewProduct("Review feedback").BuildAsync();
        var slug = product.Slug;
        var item = await product.BacklogItem("Reviewed").Chore().Estimate(3).CreateAsync();
        var sprint = await product.Sprint("Reviewed sprint").Starting(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-13)).Planning(item).Started().CreateAsync();
        await product.MarkDoneAsync(item);
        await product.CloseSprintAsync(sprint);

        await Assert.ThrowsAsync<ForbiddenException>(() => product.SendAsync(AppFixture.Stakeholder, new RecordSprintReview(slug, sprint, true, "Nice", 0)));
        await Assert.ThrowsAsync<ForbiddenException>(() => product.SendAsync(AppFixture.Sm, new RecordSprintReview(slug, sprint, true, "Nice", 0)));
        await product.SendAsync(AppFixture.Po, new RecordSprintReview(slug, sprint, true, "Shown to finance.", 0));
        var feedbackId = await product.SendAsync(AppFixture.Stakeholder, new GiveSprintReviewFeedback(slug, sprint, "Please show refunds per merchant too."));

        var feedback = await app.QueryAsync(db => db.FeedbackItems.SingleAsync(f => f.Id == feedbackId));
        Assert.Equal((FeedbackStatus.New, FeedbackSourceKind.Stakeholder), (feedback.Status, feedback.SourceKind));
        Assert.Contains("Reviewed sprint review", feedback.SourceName, StringComparison.Ordinal);
        var review = await product.AskAsync(AppFixture.Po, new GetSprintReview(slug, sprint));
        Assert.True(review.GoalMet);
        Assert.Equal(feedbackId, Assert.Single(review.Feedback).FeedbackItemId);
        var home = await app.AsUserAsync(AppFixture.Stakeholder, sender => sender.Send(new GetMySprintReviews(50)));
        Assert.Contains(home, r => r.SprintId == sprint && r.GoalMet == true && r.FeedbackCount == 1);
    }
}
