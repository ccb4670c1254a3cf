using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Domain.Vision;

namespace ProductRoles.Tests.Domain;

/// <summary>Optional text a user has not written yet reads as blank on the page, never as placeholder text or null.</summary>
public sealed class BlankSectionsTests
{
    [Fact]
    public void A_new_vision_board_and_its_revisions_have_blank_sections_until_written()
    {
        var vision = new ProductVision { Statement = "Pay in one tap" };
        Assert.Equal(["", "", "", ""], [vision.TargetGroup, vision.Needs, vision.ProductDetails, vision.BusinessGoals]);
        var revision = new ProductVisionRevision { Statement = "Pay in one tap", SavedBy = "Dana" };
        Assert.Equal(["", "", "", ""], [revision.TargetGroup, revision.Needs, revision.ProductDetails, revision.BusinessGoals]);
    }

    [Fact]
    public void New_research_roadmap_and_feedback_entries_have_blank_text_until_written()
    {
        var competitor = new Competitor { Name = "Acme Pay" };
        Assert.Equal(["", "", ""], [competitor.Strengths, competitor.Weaknesses, competitor.Positioning]);
        Assert.Equal("", new Insight { Title = "Wallet growth" }.Summary);
        Assert.Equal("", new RoadmapItem { Title = "Wallets", Rank = "a0" }.Outcome);
        Assert.Equal("", new PublishedRoadmapItem { Title = "Wallets" }.Outcome);
        Assert.Equal("", new FeedbackItem { SourceName = "Acme Support", Text = "Refunds are slow" }.Tags);
    }
}
