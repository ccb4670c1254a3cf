using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Research;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.Products;

namespace ProductRoles.Tests.ProductManager;

[Collection(AppCollection.Name)]
public sealed class ProductManagerPageTests(AppFixture app)
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

    [Fact]
    public async Task An_empty_vision_statement_is_refused_beside_the_field()
    {
        using var pm = await app.SignInAsync(AppFixture.Pm);
        var page = await pm.GetPageAsync(Base + "/vision");
        using var response = await pm.SubmitAsync(page, "form.form", new Dictionary<string, string> { ["Input.Statement"] = " " });
        var result = await TestClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Write the vision statement: why the product exists.", result.FieldError("Input.Statement"));
    }

    [Fact]
    public async Task The_roadmap_item_form_shows_RICE_errors_beside_fields_then_adds_the_item_at_the_end_of_its_horizon()
    {
        using var pm = await app.SignInAsync(AppFixture.Pm);
        var form = await pm.GetPageAsync(Base + "/roadmap/new");
        var insightId = form.QuerySelector("input[name='Input.InsightIds']")!.GetAttribute("value")!;
        var values = new Dictionary<string, string>
        {
            ["Input.Title"] = "Page-made item", ["Input.Outcome"] = "Shoppers smile", ["Input.Horizon"] = "Next", ["Input.TargetQuarter"] = "2027-Q5",
            ["Input.Reach"] = "500", ["Input.Impact"] = "2", ["Input.Confidence"] = "150", ["Input.Effort"] = "2", ["Input.InsightIds"] = insightId,
        };
        using var refused = await pm.SubmitAsync(form, "form.form", values);
        var again = await TestClient.ParseAsync(refused);
        Assert.Equal("Confidence is a percentage from 0 to 100.", again.FieldError("Input.Confidence"));
        Assert.Equal("Write the quarter as year and quarter, e.g. 2027-Q1.", again.FieldError("Input.TargetQuarter"));
        Assert.Equal("Page-made item", again.QuerySelector("#Input_Title")!.GetAttribute("value"));

        values["Input.Confidence"] = "50";
        values["Input.TargetQuarter"] = "2027-Q2";
        var item = await pm.FollowAsync(await pm.SubmitAsync(again, "form.form", values));
        Assert.Equal("Page-made item", item.Heading());
        Assert.Contains("250", item.Text("#rice-heading"), StringComparison.Ordinal);
        Assert.NotEmpty(item.QuerySelectorAll("#evidence-heading ~ ul li"));

        var board = await pm.GetPageAsync(Base + "/roadmap");
        Assert.Equal("Page-made item", board.QuerySelectorAll("[data-horizon='Next'] .roadmap-card h3").Last().TextContent.Trim());
    }

    [Fact]
    public async Task The_move_up_and_to_top_buttons_reorder_the_board_without_javascript()
    {
        var ids = new List<int>();
        foreach (var title in new[] { "Button A", "Button B" })
        {
            ids.Add(await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveRoadmapItem(AppFixture.DemoSlug, 0, title, "Outcome", RoadmapHorizon.Later,
                null, RoadmapItemStatus.Planned, 1, 1, 50, 1, null, [], [], 0))));
        }

        using var pm = await app.SignInAsync(AppFixture.Pm);
        var board = await pm.GetPageAsync(Base + "/roadmap");
        var up = board.QuerySelector($"[data-id='{ids[1]}'] .move-controls form:nth-of-type(2)")!;
        Assert.Contains("Up", up.TextContent, StringComparison.Ordinal);
        up.SetAttribute("id", "up-form");
        board = await pm.FollowAsync(await pm.SubmitAsync(board, "#up-form"));
        var later = board.QuerySelectorAll("[data-horizon='Later'] .roadmap-card").Select(c => int.Parse(c.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(later.IndexOf(ids[1]) < later.IndexOf(ids[0]));

        var top = board.QuerySelector($"[data-id='{ids[1]}'] .move-controls form")!;
        Assert.Contains("To top", top.TextContent, StringComparison.Ordinal);
        top.SetAttribute("id", "top-form");
        board = await pm.FollowAsync(await pm.SubmitAsync(board, "#top-form"));
        Assert.Equal(ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            board.QuerySelector("[data-horizon='Later'] .roadmap-card")!.GetAttribute("data-id"));
    }

    [Fact]
    public async Task Moving_a_card_to_another_horizon_shows_in_the_history_as_one_readable_line()
    {
        var id = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveRoadmapItem(AppFixture.DemoSlug, 0, "Crosses horizons", "Outcome",
            RoadmapHorizon.Later, null, RoadmapItemStatus.Planned, 1, 1, 50, 1, null, [], [], 0)));
        using var pm = await app.SignInAsync(AppFixture.Pm);
        var board = await pm.GetPageAsync(Base + "/roadmap");
        var from = board.QuerySelectorAll("[data-horizon='Later'] .roadmap-card").Count();
        var toNow = board.QuerySelectorAll($"[data-id='{id}'] .move-controls form").Single(f => f.TextContent.Contains("Now", StringComparison.Ordinal));
        toNow.SetAttribute("id", "now-form");
        board = await pm.FollowAsync(await pm.SubmitAsync(board, "#now-form"));
        var to = board.QuerySelectorAll("[data-horizon='Now'] .roadmap-card").Count();

        var history = await pm.GetPageAsync(Base + "/history");
        var lines = history.QuerySelectorAll(".history li").Select(l => (Text: l.TextContent, Old: l.QuerySelector("del")?.TextContent, New: l.QuerySelector("ins")?.TextContent)).ToList();
        Assert.Contains("moved roadmap item", lines[0].Text, StringComparison.Ordinal);
        Assert.Contains("Crosses horizons", lines[0].Text, StringComparison.Ordinal);
        Assert.Contains(": position", lines[0].Text, StringComparison.Ordinal);
        Assert.Equal(($"{from} in Later", $"{to} in Now"), (lines[0].Old, lines[0].New));
        // The move is that one line: no raw horizon or rank change of the same card beside it.
        Assert.Contains("created roadmap item", lines[1].Text, StringComparison.Ordinal);
        Assert.Contains("Crosses horizons", lines[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_from_the_PO_shows_on_the_board_until_the_PM_resolves_it_on_the_item_page()
    {
        var itemId = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveRoadmapItem(AppFixture.DemoSlug, 0, "Feedback via pages", "Outcome",
            RoadmapHorizon.Now, null, RoadmapItemStatus.Planned, 1, 1, 50, 1, null, [], [], 0)));
        var url = $"{Base}/roadmap/{itemId}";

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
        var board = await pm.GetPageAsync(Base + "/roadmap");
        Assert.Contains("1 open feedback", board.QuerySelector($"[data-id='{itemId}']")!.TextContent, StringComparison.Ordinal);
        var item = await pm.GetPageAsync(url);
        item = await pm.FollowAsync(await pm.SubmitAsync(item, "form[action*='handler=Resolve']",
            new Dictionary<string, string> { ["Resolve.Status"] = "Accepted", ["Resolve.Answer"] = "Cards first, then wallets." }));
        Assert.Contains("0 open", item.Text("#feedback-heading"), StringComparison.Ordinal);
        Assert.Contains("Cards first, then wallets.", item.Text(".feedback-answer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stakeholders_see_the_published_roadmap_without_scores_or_notes_and_no_other_product_manager_link()
    {
        var stakeholder = await app.SharedClientAsync(AppFixture.Stakeholder);
        var page = await stakeholder.GetPageAsync(Base + "/roadmap/published");
        Assert.NotEmpty(page.QuerySelectorAll(".roadmap-card"));
        Assert.DoesNotContain("RICE", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("shadow-mode", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($".sidebar a[href='{Base}/vision']"));
        Assert.Null(page.QuerySelector($".sidebar a[href='{Base}/roadmap']"));

        var home = await stakeholder.GetPageAsync(Base);
        Assert.Equal(["PublishedRoadmap"], home.QuerySelectorAll(".home-panel").Select(p => p.GetAttribute("data-panel")!));
        using var board = await stakeholder.GetAsync(Base + "/roadmap");
        Assert.Equal(HttpStatusCode.Forbidden, board.StatusCode);
    }

    [Fact]
    public async Task The_home_page_leads_with_strategy_before_launch_and_with_the_market_after_it()
    {
        var pm = await app.SharedClientAsync(AppFixture.Pm);
        var growth = await pm.GetPageAsync(Base);
        Assert.Equal("MarketResearch", growth.QuerySelector(".home-panel")!.GetAttribute("data-panel"));
        Assert.NotNull(growth.QuerySelector(".home-panel[data-panel='RoadmapFeedback'] .stat"));

        var outsider = await app.SharedClientAsync(AppFixture.Outsider);
        var development = await outsider.GetPageAsync("/p/" + AppFixture.OtherSlug);
        Assert.Equal(["Vision", "Goals", "Roadmap"], development.QuerySelectorAll(".home-panel").Take(3).Select(p => p.GetAttribute("data-panel")!));

        var po = await app.SharedClientAsync(AppFixture.Po);
        var poHome = await po.GetPageAsync(Base);
        Assert.Null(poHome.QuerySelector(".home-panel[data-panel='RoadmapFeedback']"));
    }

    [Fact]
    public async Task When_the_PM_moves_the_product_past_launch_the_home_page_leads_with_the_market_and_what_shipped()
    {
        var settings = await app.AsUserAsync(AppFixture.Outsider, s => s.Send(new GetProductSettings(AppFixture.OtherSlug)));
        await app.AsUserAsync(AppFixture.Outsider, s => s.Send(new EditProductSettings(AppFixture.OtherSlug, settings.Name, settings.Description,
            LifecycleStage.Launch, settings.Version)));
        try
        {
            var outsider = await app.SharedClientAsync(AppFixture.Outsider);
            var home = await outsider.GetPageAsync("/p/" + AppFixture.OtherSlug);
            Assert.Equal(["MarketResearch", "ShippedRecently"], home.QuerySelectorAll(".home-panel").Take(2).Select(p => p.GetAttribute("data-panel")!));
            Assert.Equal("Vision", home.QuerySelectorAll(".home-panel").Last().GetAttribute("data-panel"));
        }
        finally
        {
            var now = await app.AsUserAsync(AppFixture.Outsider, s => s.Send(new GetProductSettings(AppFixture.OtherSlug)));
            await app.AsUserAsync(AppFixture.Outsider, s => s.Send(new EditProductSettings(AppFixture.OtherSlug, now.Name, now.Description,
                LifecycleStage.Development, now.Version)));
        }
    }

    [Fact]
    public async Task Insight_summaries_are_rendered_as_sanitised_Markdown()
    {
        var id = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveInsight(AppFixture.DemoSlug, 0, InsightKind.SupportSignal,
            "Hostile summary", "**Bold** <script>alert(1)</script> <img src=x onerror=alert(2)>", null, new DateOnly(2026, 9, 1), "xss", false, 0)));
        var dev = await app.SharedClientAsync(AppFixture.Dev);
        var page = await dev.GetPageAsync($"{Base}/research/{id}");
        var summary = page.QuerySelector(".prose")!;
        Assert.Equal("Bold", summary.QuerySelector("strong")?.TextContent);
        Assert.Empty(summary.QuerySelectorAll("script"));
        Assert.Empty(summary.QuerySelectorAll("[onerror], img"));
        Assert.Null(page.QuerySelector("form.form"));
    }

    [Fact]
    public async Task The_research_page_filters_by_kind_tag_and_words()
    {
        var sm = await app.SharedClientAsync(AppFixture.Sm);
        var page = await sm.GetPageAsync(Base + "/research?kind=Competitor");
        var kinds = page.QuerySelectorAll(".insight .badge-stage").Select(b => b.TextContent.Trim()).Distinct().ToList();
        Assert.Equal(["Competitor"], kinds);
        page = await sm.GetPageAsync(Base + "/research?tag=refunds&q=merchants");
        Assert.All(page.QuerySelectorAll(".insight"), i => Assert.Contains("#refunds", i.TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(page.QuerySelectorAll(".insight"));
    }

    [Fact]
    public async Task Key_result_errors_show_beside_the_fields_of_the_form_that_was_posted()
    {
        var goalId = await app.QueryAsync(db => db.Goals.Select(g => g.Id).FirstAsync());
        using var pm = await app.SignInAsync(AppFixture.Pm);
        var page = await pm.GetPageAsync($"{Base}/goals/{goalId}");
        using var response = await pm.SubmitAsync(page, "#new-key-result",
            new Dictionary<string, string> { ["KeyResult.Metric"] = "", ["KeyResult.Baseline"] = "1", ["KeyResult.Target"] = "1" });
        var result = await TestClient.ParseAsync(response);
        var form = result.QuerySelector("#new-key-result")!;
        Assert.Equal("Name the metric, e.g. checkout conversion (%).", form.QuerySelector("[data-valmsg-for='KeyResult.Metric']")!.TextContent.Trim());
        Assert.Equal("The target must differ from the baseline.", form.QuerySelector("[data-valmsg-for='KeyResult.Target']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Comparing_vision_revisions_marks_added_and_removed_words()
    {
        var po = await app.SharedClientAsync(AppFixture.Po);
        var page = await po.GetPageAsync(Base + "/vision/compare?from=1&to=2");
        Assert.Equal("Vision: what changed", page.Heading());
        Assert.NotEmpty(page.QuerySelectorAll(".diff-text ins.diff-added"));
        Assert.NotEmpty(page.QuerySelectorAll(".diff-text del.diff-removed"));
    }
}
