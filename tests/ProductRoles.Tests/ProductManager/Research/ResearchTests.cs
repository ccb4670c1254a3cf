using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Features.ProductManager.Research;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.ProductManager.Research;

/// <summary>Market research: insights and competitors, each test in a product of its own.</summary>
[Collection(AppCollection.Name)]
public sealed class ResearchTests(AppFixture app)
{
    private Task<TestProduct> NewProductAsync() => app.NewProduct("Research").BuildAsync();

    [Fact]
    public async Task Insights_are_found_by_kind_tag_words_and_opportunity()
    {
        var product = await NewProductAsync();
        var slug = product.Slug;
        var id = await product.Insight("Shoppers like zebra-striped buttons").Kind(InsightKind.Survey)
            .Summary("A *surprising* survey result about quokkas.").Source("Survey 99").Tags("Design, Quirky").Opportunity().CreateAsync();
        await product.Insight("Plain buttons convert").Kind(InsightKind.Analytics).Tags("Design").CreateAsync();

        async Task<IReadOnlyList<int>> Find(GetInsights q) => (await product.AskAsync(AppFixture.Sm, q)).Insights.Select(i => i.Id).ToList();
        Assert.Equal([id], await Find(new GetInsights(slug, Search: "quokkas survey")));
        Assert.Equal([id], await Find(new GetInsights(slug, Tag: "quirky")));
        Assert.Equal([id], await Find(new GetInsights(slug, Kind: InsightKind.Survey, OpportunitiesOnly: true)));
        Assert.DoesNotContain(id, await Find(new GetInsights(slug, Kind: InsightKind.Analytics)));
        Assert.Empty(await Find(new GetInsights(slug, Tag: "quirk")));
        Assert.Empty(await Find(new GetInsights(slug, Search: "quokkas%")));
    }

    [Fact]
    public async Task An_insight_dated_in_the_future_or_without_a_summary_is_refused()
    {
        var product = await NewProductAsync();
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() =>
            product.Insight("Future").Kind(InsightKind.Analytics).Summary("").ObservedOn(new DateOnly(2099, 1, 1)).CreateAsync());
        Assert.Contains("ObservedOn", ex.Errors.Keys);
        Assert.Contains("Summary", ex.Errors.Keys);
        Assert.Empty((await product.AskAsync(AppFixture.Pm, new GetInsights(product.Slug))).Insights);
    }

    [Fact]
    public async Task Competitor_names_are_unique_per_product()
    {
        var product = await NewProductAsync();
        await product.SendAsync(AppFixture.Pm, new AddCompetitor(product.Slug, "CartFlow", "Cheap", "Slow", "Small shops"));
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() =>
            product.SendAsync(AppFixture.Pm, new AddCompetitor(product.Slug, "cartflow", "x", "y", "z")));
        Assert.Contains("Name", ex.Errors.Keys);

        // Another product may watch the same competitor.
        var other = await NewProductAsync();
        Assert.True(await other.SendAsync(AppFixture.Pm, new AddCompetitor(other.Slug, "CartFlow", "x", "y", "z")) > 0);
    }

    [Fact]
    public async Task Insight_summaries_are_rendered_as_sanitised_Markdown()
    {
        var product = await NewProductAsync();
        var id = await product.Insight("Hostile summary").Kind(InsightKind.SupportSignal)
            .Summary("**Bold** <script>alert(1)</script> <img src=x onerror=alert(2)>").Tags("xss").CreateAsync();
        var dev = await app.SharedClientAsync(AppFixture.Dev);
        var page = await dev.GetPageAsync($"{product.Url}/research/{id}");
        var summary = page.QuerySelector(".prose")!;
        Assert.Equal("Bold", summary.QuerySelector("strong")?.TextContent);
        Assert.Empty(summary.QuerySelectorAll("script"));
        Assert.Empty(summary.QuerySelectorAll("[onerror], img"));
        Assert.Null(page.QuerySelector("form.form"));
    }

    [Fact]
    public async Task The_research_page_filters_by_kind_tag_and_words()
    {
        var product = await NewProductAsync();
        await product.Insight("CartFlow drops its fees").Kind(InsightKind.Competitor).Summary("Merchants notice.").Tags("pricing").CreateAsync();
        await product.Insight("Refund complaints").Kind(InsightKind.SupportSignal).Summary("Merchants wait a week for refunds.").Tags("refunds").CreateAsync();
        await product.Insight("Refund survey").Kind(InsightKind.Survey).Summary("Shoppers want instant refunds.").Tags("refunds").CreateAsync();

        var sm = await app.SharedClientAsync(AppFixture.Sm);
        var page = await sm.GetPageAsync(product.Url + "/research?kind=Competitor");
        Assert.Equal(["Competitor"], page.QuerySelectorAll(".insight .badge-stage").Select(b => b.TextContent.Trim()));
        page = await sm.GetPageAsync(product.Url + "/research?tag=refunds&q=merchants");
        var found = Assert.Single(page.QuerySelectorAll(".insight"));
        Assert.Contains("Refund complaints", found.TextContent, StringComparison.Ordinal);
        Assert.Contains("#refunds", found.TextContent, StringComparison.Ordinal);
    }
}
