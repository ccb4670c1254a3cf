using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.ProductManager.RoadmapFeedback;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.ProductManager.RoadmapFeedback;

/// <summary>The team's feedback on roadmap items, each test in a product of its own.</summary>
[Collection(AppCollection.Name)]
public sealed class RoadmapFeedbackTests(AppFixture app)
{
    private Task<TestProduct> NewProductAsync() => app.NewProduct("Roadmap feedback").BuildAsync();

    private static async Task<int> OpenFeedbackAsync(TestProduct product, int itemId) =>
        (await product.AskAsync(AppFixture.Pm, new GetRoadmapBoard(product.Slug))).Columns.SelectMany(c => c.Items).Single(i => i.Id == itemId).OpenFeedback;

    [Fact]
    public async Task The_PO_gives_feedback_which_counts_as_open_until_the_PM_resolves_it()
    {
        var product = await NewProductAsync();
        var slug = product.Slug;
        var itemId = await product.RoadmapItem("Feedback target").In(RoadmapHorizon.Now).CreateAsync();
        var feedbackId = await product.SendAsync(AppFixture.Po, new GiveRoadmapFeedback(slug, itemId, RoadmapFeedbackKind.Feasibility,
            "Needs two sprints more than planned."));

        Assert.Equal(1, await OpenFeedbackAsync(product, itemId));

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            product.SendAsync(AppFixture.Po, new ResolveRoadmapFeedback(slug, feedbackId, RoadmapFeedbackStatus.Accepted, null, 0)));
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() =>
            product.SendAsync(AppFixture.Pm, new ResolveRoadmapFeedback(slug, feedbackId, RoadmapFeedbackStatus.Declined, "", 0)));
        Assert.Contains("Answer", ex.Errors.Keys);

        await product.SendAsync(AppFixture.Pm, new ResolveRoadmapFeedback(slug, feedbackId, RoadmapFeedbackStatus.Answered, "We split it.", 0));
        var item = await product.AskAsync(AppFixture.Po, new GetRoadmapItem(slug, itemId));
        var feedback = item.Feedback.Single();
        Assert.Equal(RoadmapFeedbackStatus.Answered, feedback.Status);
        Assert.Equal("We split it.", feedback.Answer);
        Assert.NotNull(feedback.AnsweredBy);
        Assert.Equal(0, await OpenFeedbackAsync(product, itemId));
    }

    [Fact]
    public async Task Stakeholders_cannot_give_roadmap_feedback()
    {
        var product = await NewProductAsync();
        var itemId = await product.RoadmapItem("Not for stakeholders").CreateAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            product.SendAsync(AppFixture.Stakeholder, new GiveRoadmapFeedback(product.Slug, itemId, RoadmapFeedbackKind.Risk, "From a stakeholder")));
        Assert.Equal(0, await OpenFeedbackAsync(product, itemId));
    }

    [Fact]
    public async Task Feedback_from_the_PO_shows_on_the_board_until_the_PM_resolves_it_on_the_item_page()
    {
        var product = await NewProductAsync();
        var itemId = await product.RoadmapItem("Feedback via pages").In(RoadmapHorizon.Now).CreateAsync();
        var url = $"{product.Url}/roadmap/{itemId}";

        using var po = await app.SignInAsync(AppFixture.Po);
        var page = await po.GetPageAsync(url);
        Assert.Contains("Feedback", page.Text("#feedback-heading"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Resolve']"));
        var empty = await TestClient.ParseAsync(await po.SubmitAsync(page, "form[action*='handler=Feedback']"));
        Assert.Equal("Write your feedback.", empty.FieldError("Feedback.Body"));
        page = await po.FollowAsync(await po.SubmitAsync(page, "form[action*='handler=Feedback']",
            new Dictionary<string, string> { ["Feedback.Kind"] = "Dependency", ["Feedback.Body"] = "Blocked by the payout API." }));
        Assert.Contains("1 open", page.Text("#feedback-heading"), StringComparison.Ordinal);

        using var pm = await app.SignInAsync(AppFixture.Pm);
        var board = await pm.GetPageAsync(product.Url + "/roadmap");
        Assert.Contains("1 open feedback", board.QuerySelector($"[data-id='{itemId}']")!.TextContent, StringComparison.Ordinal);
        var item = await pm.GetPageAsync(url);
        item = await pm.FollowAsync(await pm.SubmitAsync(item, "form[action*='handler=Resolve']",
            new Dictionary<string, string> { ["Resolve.Status"] = "Accepted", ["Resolve.Answer"] = "Cards first, then wallets." }));
        Assert.Contains("0 open", item.Text("#feedback-heading"), StringComparison.Ordinal);
        Assert.Contains("Cards first, then wallets.", item.Text(".feedback-answer"), StringComparison.Ordinal);
    }
}
