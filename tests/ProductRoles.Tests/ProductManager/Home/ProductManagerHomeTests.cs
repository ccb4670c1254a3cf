using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.Products;

namespace ProductRoles.Tests.ProductManager.Home;

/// <summary>What the product home leads with for the product manager, in products of the test's own at different stages.</summary>
[Collection(AppCollection.Name)]
public sealed class ProductManagerHomeTests(AppFixture app)
{
    private static string[] Panels(AngleSharp.Html.Dom.IHtmlDocument home) =>
        [.. home.QuerySelectorAll(".home-panel").Select(p => p.GetAttribute("data-panel")!)];

    [Fact]
    public async Task The_home_page_leads_with_strategy_before_launch_and_with_the_market_after_it()
    {
        var growth = await app.NewProduct("Growing").InStage(LifecycleStage.Growth).BuildAsync();
        await growth.RoadmapItem("Wallets").In(RoadmapHorizon.Now).CreateAsync();
        var development = await app.NewProduct("In development").InStage(LifecycleStage.Development).BuildAsync();
        var pm = await app.SharedClientAsync(AppFixture.Pm);

        var growthHome = await pm.GetPageAsync(growth.Url);
        Assert.Equal("MarketResearch", Panels(growthHome)[0]);
        Assert.NotNull(growthHome.QuerySelector(".home-panel[data-panel='RoadmapFeedback'] .stat"));
        Assert.Equal(["Vision", "Goals", "Roadmap"], Panels(await pm.GetPageAsync(development.Url)).Take(3));

        var po = await app.SharedClientAsync(AppFixture.Po);
        Assert.DoesNotContain("RoadmapFeedback", Panels(await po.GetPageAsync(growth.Url)));
    }

    [Fact]
    public async Task When_the_PM_moves_the_product_past_launch_the_home_page_leads_with_the_market_and_what_shipped()
    {
        var product = await app.NewProduct("Launching").InStage(LifecycleStage.Development).BuildAsync();
        var settings = await product.AskAsync(AppFixture.Pm, new GetProductSettings(product.Slug));
        await product.SendAsync(AppFixture.Pm, new EditProductSettings(product.Slug, settings.Name, settings.Description, LifecycleStage.Launch, settings.Version));

        var pm = await app.SharedClientAsync(AppFixture.Pm);
        var home = Panels(await pm.GetPageAsync(product.Url));
        Assert.Equal(["MarketResearch", "ShippedRecently"], home.Take(2));
        Assert.Equal("Vision", home[^1]);
    }
}
