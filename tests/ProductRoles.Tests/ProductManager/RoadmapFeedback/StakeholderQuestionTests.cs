using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.ProductManager.RoadmapFeedback;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.ProductManager.RoadmapFeedback;

/// <summary>
/// Stakeholders ask on the published roadmap: the question lands in the PM's roadmap feedback as a customer
/// concern, the answer shows back on the published roadmap to the one who asked, and the draft stays private.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class StakeholderQuestionTests(AppFixture app)
{
    private async Task<(TestProduct Product, int ItemId)> PublishedAsync()
    {
        var product = await app.NewProduct("Stakeholders ask").BuildAsync();
        var item = await product.RoadmapItem("Refunds in one click").In(RoadmapHorizon.Next).CreateAsync();
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, null));
        return (product, item);
    }

    [Fact]
    public async Task A_stakeholders_question_reaches_the_PM_as_a_customer_concern_and_the_answer_shows_on_the_published_roadmap()
    {
        var (product, item) = await PublishedAsync();
        using var stakeholder = await app.SignInAsync(AppFixture.Stakeholder);
        var published = await stakeholder.GetPageAsync(product.Url + "/roadmap/published");
        const string question = "Finance asks: will refunds show per merchant?";

        using var sent = await stakeholder.SubmitAsync(published, $"#published-{item} form", new Dictionary<string, string> { ["AskText"] = question });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var feedback = await product.AskAsync(AppFixture.Pm, new GetRoadmapFeedback(product.Slug));
        var entry = Assert.Single(feedback.Items);
        Assert.Equal((RoadmapFeedbackKind.CustomerConcern, RoadmapFeedbackOrigin.PublishedRoadmap, RoadmapFeedbackStatus.Open, question, item),
            (entry.Kind, entry.Origin, entry.Status, entry.Body, entry.ItemId));
        using var pm = await app.SignInAsync(AppFixture.Pm);
        var pmPage = await pm.GetPageAsync(product.Url + "/roadmap/feedback");
        Assert.Contains("Asked on the published roadmap", pmPage.QuerySelector(".feedback")!.TextContent, StringComparison.Ordinal);

        var card = (await stakeholder.GetPageAsync(product.Url + "/roadmap/published")).QuerySelector($"#published-{item}")!;
        Assert.Contains("Waiting for the product manager's answer", card.TextContent, StringComparison.Ordinal);

        await product.SendAsync(AppFixture.Pm, new ResolveRoadmapFeedback(product.Slug, entry.Id, RoadmapFeedbackStatus.Answered,
            "Yes: per merchant, from the next sprint.", entry.Version));

        card = (await stakeholder.GetPageAsync(product.Url + "/roadmap/published")).QuerySelector($"#published-{item}")!;
        Assert.Contains(question, card.QuerySelector(".question")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Yes: per merchant, from the next sprint.", card.QuerySelector(".feedback-answer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_stakeholder_does_not_see_the_question_and_the_team_gets_no_ask_form()
    {
        var (product, item) = await PublishedAsync();
        await app.AsUserAsync(AppFixture.Admin, async sender =>
        {
            await sender.Send(new ProductRoles.Web.Features.Administration.SetMemberRole(product.Slug, AppFixture.Outsider, ProductRole.Stakeholder));
        });
        await product.SendAsync(AppFixture.Stakeholder, new AskAboutPublishedItem(product.Slug, item, "Security operations: is 3-D Secure kept?"));

        var other = await product.AskAsync(AppFixture.Outsider, new GetPublishedRoadmap(product.Slug));
        Assert.Empty(other!.Questions);
        Assert.True(other.CanAsk);
        var team = await product.AskAsync(AppFixture.Po, new GetPublishedRoadmap(product.Slug));
        Assert.False(team!.CanAsk);
        using var po = await app.SignInAsync(AppFixture.Po);
        Assert.DoesNotContain((await po.GetPageAsync(product.Url + "/roadmap/published")).Forms, f => f.Action.Contains("Ask", StringComparison.Ordinal));
        await Assert.ThrowsAsync<ForbiddenException>(() => product.SendAsync(AppFixture.Po, new AskAboutPublishedItem(product.Slug, item, "Me too")));
    }

    [Fact]
    public async Task Only_items_of_the_latest_publish_can_be_asked_about()
    {
        var (product, _) = await PublishedAsync();
        var draft = await product.RoadmapItem("Not published yet").CreateAsync();
        var before = await app.QueryAsync(db => db.RoadmapFeedback.CountAsync());

        await Assert.ThrowsAsync<NotFoundException>(() => product.SendAsync(AppFixture.Stakeholder, new AskAboutPublishedItem(product.Slug, draft, "What is this?")));

        Assert.Equal(before, await app.QueryAsync(db => db.RoadmapFeedback.CountAsync()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_question_gets_a_message_beside_its_field_and_sends_nothing(string text)
    {
        var (product, item) = await PublishedAsync();
        using var stakeholder = await app.SignInAsync(AppFixture.Stakeholder);
        var published = await stakeholder.GetPageAsync(product.Url + "/roadmap/published");

        using var response = await stakeholder.SubmitAsync(published, $"#published-{item} form", new Dictionary<string, string> { ["AskText"] = text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Write your question or concern.", page.QuerySelector($"#published-{item} .field-error")!.TextContent.Trim());
        Assert.Empty((await product.AskAsync(AppFixture.Pm, new GetRoadmapFeedback(product.Slug))).Items);
    }

    [Fact]
    public async Task The_published_roadmap_shows_what_was_added_moved_and_dropped_since_the_previous_publish_with_the_note()
    {
        var product = await app.NewProduct("Roadmap changes").BuildAsync();
        var wallets = await product.RoadmapItem("Wallets").In(RoadmapHorizon.Later).CreateAsync();
        var giftCards = await product.RoadmapItem("Gift cards").In(RoadmapHorizon.Next).CreateAsync();
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, null));
        var first = await product.AskAsync(AppFixture.Stakeholder, new GetPublishedRoadmap(product.Slug));
        Assert.Null(first!.PreviousPublishedAt);
        Assert.Empty(first.Changes);

        var board = await product.AskAsync(AppFixture.Pm, new GetRoadmapBoard(product.Slug));
        var walletCard = board.Columns.SelectMany(c => c.Items).Single(i => i.Id == wallets);
        await product.SendAsync(AppFixture.Pm, new MoveRoadmapItem(product.Slug, wallets, RoadmapHorizon.Now, null, walletCard.Version));
        var giftCard = board.Columns.SelectMany(c => c.Items).Single(i => i.Id == giftCards);
        await product.SendAsync(AppFixture.Pm, new SaveRoadmapItem(product.Slug, giftCards, "Gift cards", "Outcome", RoadmapHorizon.Next, null,
            RoadmapItemStatus.Dropped, 10, 1, 50, 1, null, [], [], giftCard.Version));
        await product.RoadmapItem("Refunds in one click").In(RoadmapHorizon.Next).CreateAsync();
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, "Wallets move up: shoppers asked for them."));

        using var stakeholder = await app.SignInAsync(AppFixture.Stakeholder);
        var page = await stakeholder.GetPageAsync(product.Url + "/roadmap/published");

        Assert.Equal(["Added Refunds in one click in Next", "Moved Wallets Later → Now", "Dropped Gift cards was in Next"],
            page.QuerySelectorAll(".change").Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        Assert.Contains("Wallets move up: shoppers asked for them.", page.QuerySelector(".publish-note")!.TextContent, StringComparison.Ordinal);
    }
}
