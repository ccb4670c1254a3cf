using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.Scrum.SprintReview;

namespace ProductRoles.Tests.Sharing;

/// <summary>A stakeholder's product home lists what was published since their last visit: roadmap publishes with their changes, sprint reviews.</summary>
[Collection(AppCollection.Name)]
public sealed class SinceLastVisitTests(AppFixture app)
{
    private static string Text(AngleSharp.Html.Dom.IHtmlDocument page) =>
        string.Join(' ', (page.QuerySelector(".since-last-visit")?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private Task<DateTime?> LastSeenAsync(TestProduct product) => app.QueryAsync(db =>
        db.ProductVisits.Where(v => v.ProductId == product.Id && db.Users.Any(u => u.Id == v.UserId && u.Email == AppFixture.Stakeholder))
            .Select(v => (DateTime?)v.LastSeenAt).SingleOrDefaultAsync());

    /// <summary>Time passes: the visits, publishes, closed sprints and recorded reviews so far move back by <paramref name="by"/>.</summary>
    private Task TimePassesAsync(TestProduct product, TimeSpan by) => app.QueryAsync(async db =>
    {
        foreach (var visit in await db.ProductVisits.Where(v => v.ProductId == product.Id).ToListAsync())
        {
            visit.LastSeenAt -= by;
            visit.Since -= by;
        }

        foreach (var publish in await db.PublishedRoadmaps.Where(p => p.ProductId == product.Id).ToListAsync())
        {
            publish.PublishedAt -= by;
        }

        foreach (var sprint in await db.Sprints.Where(p => p.ProductId == product.Id && p.ClosedAt != null).ToListAsync())
        {
            sprint.ClosedAt -= by;
        }

        foreach (var review in await db.SprintReviews.Where(p => p.ProductId == product.Id && p.RecordedAt != null).ToListAsync())
        {
            review.RecordedAt -= by;
        }

        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_home_lists_publishes_and_reviews_since_the_last_visit_and_nothing_seen_before()
    {
        var product = await app.NewProduct("Since last visit").BuildAsync();
        var wallets = await product.RoadmapItem("Wallets").In(RoadmapHorizon.Later).CreateAsync();
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, "First publish for stakeholders."));
        using var stakeholder = await app.SignInAsync(AppFixture.Stakeholder);

        // First visit: the last two weeks.
        var home = await stakeholder.GetPageAsync(product.Url);
        Assert.Contains("Roadmap published", Text(home), StringComparison.Ordinal);
        Assert.Contains("First publish for stakeholders.", Text(home), StringComparison.Ordinal);

        // An hour later (the visit moved back) the PM publishes again and a sprint closes.
        await TimePassesAsync(product, TimeSpan.FromHours(1));
        await product.RoadmapItem("Refunds in one click").In(RoadmapHorizon.Now).CreateAsync();
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, "Refunds come first."));
        var story = await product.BacklogItem("Refund by card").CreateAsync();
        var sprint = await product.Sprint("Sprint 7").Starting(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-14)).Goal("Refunds in one click")
            .Planning(story).Started().CreateAsync();
        await product.MarkDoneAsync(story);
        await product.CloseSprintAsync(sprint);

        home = await stakeholder.GetPageAsync(product.Url);
        var text = Text(home);
        Assert.Contains("Refunds come first.", text, StringComparison.Ordinal);
        Assert.Contains("Added Refunds in one click in Now", text, StringComparison.Ordinal);
        Assert.DoesNotContain("First publish for stakeholders.", text, StringComparison.Ordinal);
        Assert.Contains("Sprint review · Sprint 7 ready", text, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector($".since-last-visit a[href='{product.Url}/sprints/{sprint}/review']"));
        _ = wallets;

        // The PO records the review: that is news on the next visit, the old publishes are not.
        await TimePassesAsync(product, TimeSpan.FromHours(1));
        await product.SendAsync(AppFixture.Po, new RecordSprintReview(product.Slug, sprint, true, "Shown to finance.", 0));
        text = Text(await stakeholder.GetPageAsync(product.Url));
        Assert.Contains("Sprint review · Sprint 7 recorded", text, StringComparison.Ordinal);
        Assert.Contains("Goal met", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Refunds come first.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_visit_is_written_on_the_first_load_and_then_not_again_for_a_few_minutes()
    {
        var product = await app.NewProduct("Since last visit").BuildAsync();
        using var stakeholder = await app.SignInAsync(AppFixture.Stakeholder);
        Assert.Null(await LastSeenAsync(product));

        var home = await stakeholder.GetPageAsync(product.Url);
        Assert.Contains("Nothing new was published", Text(home), StringComparison.Ordinal);
        var first = await LastSeenAsync(product);
        Assert.NotNull(first);

        await stakeholder.GetPageAsync(product.Url);
        Assert.Equal(first, await LastSeenAsync(product));

        await TimePassesAsync(product, TimeSpan.FromMinutes(6));
        await stakeholder.GetPageAsync(product.Url);
        Assert.True(await LastSeenAsync(product) > first);
    }

    [Fact]
    public async Task The_team_gets_no_since_your_last_visit_and_no_visit_is_written_for_them()
    {
        var product = await app.NewProduct("Since last visit").BuildAsync();
        using var po = await app.SignInAsync(AppFixture.Po);

        var home = await po.GetPageAsync(product.Url);

        Assert.Null(home.QuerySelector(".since-last-visit"));
        Assert.Equal(0, await app.QueryAsync(db => db.ProductVisits.CountAsync(v => v.ProductId == product.Id)));
    }
}
