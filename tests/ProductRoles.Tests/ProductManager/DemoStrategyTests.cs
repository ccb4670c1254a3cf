using ProductRoles.Tests.Infrastructure;

namespace ProductRoles.Tests.ProductManager;

/// <summary>The product manager's pages as the demo seed fills them; the rules are tested in products of their own.</summary>
[Collection(AppCollection.Name)]
public sealed class DemoStrategyTests(AppFixture app)
{
    private const string Base = "/p/" + AppFixture.DemoSlug;

    [Theory]
    [InlineData("/vision", "Vision")]
    [InlineData("/goals", "Goals")]
    [InlineData("/research", "Market research")]
    [InlineData("/research/competitors", "Competitors")]
    [InlineData("/roadmap", "Roadmap")]
    [InlineData("/roadmap/timeline", "Timeline")]
    [InlineData("/roadmap/feedback", "Roadmap feedback")]
    [InlineData("/roadmap/published", "Published roadmap")]
    public async Task Each_page_shows_its_heading_with_the_seeded_content(string path, string heading)
    {
        var pm = await app.SharedClientAsync(AppFixture.Pm);
        var page = await pm.GetPageAsync(Base + path);
        Assert.Equal(heading, page.Heading());
        Assert.NotNull(page.QuerySelector($".sidebar a[href='{Base}{path}']"));
    }

    [Fact]
    public async Task The_seeded_roadmap_spans_three_horizons_and_four_quarters()
    {
        var pm = await app.SharedClientAsync(AppFixture.Pm);
        var board = await pm.GetPageAsync(Base + "/roadmap");
        Assert.All(board.QuerySelectorAll(".roadmap-column"), c => Assert.NotEmpty(c.QuerySelectorAll(".roadmap-card")));
        var timeline = await pm.GetPageAsync(Base + "/roadmap/timeline");
        Assert.True(timeline.QuerySelectorAll(".timeline-quarter h2").Count(h => h.TextContent.Contains("-Q", StringComparison.Ordinal)) >= 4);
    }
}
