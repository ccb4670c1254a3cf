using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.DefinitionOfDone;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Tests.Domain;

/// <summary>How the product's history names each changed thing, and which product the entry goes to.</summary>
public sealed class HistoryLabelTests
{
    private static (int Product, string Label) Entry(IAudited audited) => (audited.AuditProductId, audited.AuditLabel);

    [Fact]
    public void Backlog_items_and_feedback_are_named_by_number()
    {
        Assert.Equal((3, "#12 Refund by wallet"), Entry(new BacklogItem { Id = 12, ProductId = 3, Title = "Refund by wallet", Rank = "a0" }));
        Assert.Equal((3, "#5 from Acme Support"), Entry(new FeedbackItem { Id = 5, ProductId = 3, SourceName = "Acme Support", Text = "Refunds are slow" }));
    }

    [Fact]
    public void A_sprint_item_is_named_with_its_sprint_or_the_sprint_number_when_not_loaded()
    {
        var sprint = new Sprint { Id = 7, ProductId = 3, Name = "Sprint 12", Goal = "Cards that pay" };
        Assert.Equal((3, "#12 Refund by wallet in Sprint 12"), Entry(new SprintItem { ProductId = 3, SprintId = 7, Sprint = sprint, BacklogItemId = 12, Title = "Refund by wallet" }));
        Assert.Equal((3, "#12 Refund by wallet in sprint 7"), Entry(new SprintItem { ProductId = 3, SprintId = 7, BacklogItemId = 12, Title = "Refund by wallet" }));
    }

    [Fact]
    public void Retrospectives_and_reviews_are_named_after_their_sprint()
    {
        var sprint = new Sprint { Id = 7, ProductId = 3, Name = "Sprint 12", Goal = "Cards that pay" };
        Assert.Equal((3, "Retrospective of Sprint 12"), Entry(new Retrospective { ProductId = 3, SprintId = 7, Sprint = sprint }));
        Assert.Equal((3, "Retrospective of sprint 7"), Entry(new Retrospective { ProductId = 3, SprintId = 7 }));
        Assert.Equal((3, "Sprint review of Sprint 12"), Entry(new SprintReview { ProductId = 3, SprintId = 7, Sprint = sprint }));
        Assert.Equal((3, "Sprint review of sprint 7"), Entry(new SprintReview { ProductId = 3, SprintId = 7 }));
    }

    [Fact]
    public void Roadmap_feedback_and_the_definition_of_done_say_what_they_are()
    {
        Assert.Equal((3, "Feedback (Risk) by Dana"), Entry(new RoadmapFeedback { ProductId = 3, Kind = RoadmapFeedbackKind.Risk, Body = "Card scheme rules change", AuthorName = "Dana" }));
        Assert.Equal((3, "Definition of Done version 4"), Entry(new DefinitionOfDoneVersion { ProductId = 3, Number = 4, CreatedBy = "Dana" }));
        Assert.Equal((3, "Published roadmap"), Entry(new PublishedRoadmap { ProductId = 3, PublishedBy = "Dana" }));
    }

    [Fact]
    public void A_product_is_its_own_history_and_a_member_is_named_by_email()
    {
        Assert.Equal((3, "Payments"), Entry(new Product { Id = 3, Name = "Payments", Slug = "payments" }));
        Assert.Equal((3, "dana@example.com"), Entry(new ProductMember { ProductId = 3, UserId = "u1", UserEmail = "dana@example.com" }));
        Assert.Equal((3, "Vision"), Entry(new ProductRoles.Web.Domain.Vision.ProductVision { ProductId = 3, Statement = "Pay in one tap" }));
    }
}
