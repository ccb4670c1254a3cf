using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Feedback;

namespace ProductRoles.Tests.ProductOwner.Feedback;

/// <summary>Customer feedback: each test in a product of its own, except the one about the demo seed.</summary>
[Collection(AppCollection.Name)]
public sealed class FeedbackTests(AppFixture app)
{
    private Task<TestProduct> NewProductAsync() => app.NewProduct("Feedback").BuildAsync();

    [Fact]
    public async Task The_demo_product_has_feedback_from_every_kind_of_source()
    {
        var demoId = await app.DemoProductIdAsync();
        var demo = await app.QueryAsync(db => db.FeedbackItems.Where(f => f.ProductId == demoId).Select(f => f.SourceKind).ToListAsync());
        Assert.Equal(Enum.GetValues<FeedbackSourceKind>().Order(), demo.Distinct().Order());
        Assert.True(demo.Count >= 30);
    }

    [Fact]
    public async Task A_product_manager_records_feedback_which_then_shows_in_the_inbox()
    {
        var product = await NewProductAsync();
        var client = await app.SharedClientAsync(AppFixture.Pm);
        var page = await client.GetPageAsync($"{product.Url}/feedback");
        Assert.Equal("Customer feedback", page.Heading());

        using var response = await client.SubmitAsync(page, "#record-form", new Dictionary<string, string>
        {
            ["Input.SourceKind"] = "Sales", ["Input.SourceName"] = "Rita Sales", ["Input.Account"] = "Zeta Mart",
            ["Input.Text"] = "Zeta Mart wants invoices in Portuguese.", ["Input.ReceivedOn"] = "2026-11-01", ["Input.Tags"] = "Invoices, localisation",
        });
        var inbox = await client.FollowAsync(response);

        Assert.Contains("recorded", inbox.Text("[role=status]"));
        Assert.Contains("Zeta Mart wants invoices in Portuguese.", inbox.Body!.TextContent);
        var stored = await app.QueryAsync(db => db.FeedbackItems.SingleAsync(f => f.ProductId == product.Id));
        Assert.Equal((FeedbackSourceKind.Sales, "invoices,localisation", FeedbackStatus.New), (stored.SourceKind, stored.Tags, stored.Status));
    }

    [Fact]
    public async Task Feedback_without_a_source_name_or_text_is_refused_beside_the_fields_and_nothing_is_stored()
    {
        var product = await NewProductAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        var page = await client.GetPageAsync($"{product.Url}/feedback");

        using var response = await client.SubmitAsync(page, "#record-form",
            new Dictionary<string, string> { ["Input.SourceName"] = "", ["Input.Text"] = " " });
        var result = await TestClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Name the source: who said it.", result.FieldError("Input.SourceName"));
        Assert.Equal("Write down what they said.", result.FieldError("Input.Text"));
        Assert.False(await app.QueryAsync(db => db.FeedbackItems.AnyAsync(f => f.ProductId == product.Id)));
    }

    [Fact]
    public async Task The_product_owner_turns_one_feedback_item_into_two_stories_linked_both_ways()
    {
        var product = await NewProductAsync();
        var feedbackId = await product.Feedback("Shoppers cannot find where to enter a gift card, and want a receipt.")
            .From(FeedbackSourceKind.Support, "Support desk (Kim)").Account("Alpha Shoes").Tags("gift-cards").CreateAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        var page = await client.GetPageAsync($"{product.Url}/feedback/{feedbackId}");

        using var response = await client.SubmitAsync(page, "#turn-form", new Dictionary<string, string>
        {
            ["Turn.Type"] = "Story", ["Turn.AsA"] = "shopper with a gift card",
            ["Turn.Wants"] = "see where to enter my gift card\nget a receipt for my gift card payment", ["Turn.SoThat"] = "I use my gift",
        });
        var result = await client.FollowAsync(response);

        Assert.Contains("2 backlog items created", result.Text("[role=status]"));
        var items = await app.QueryAsync(db => db.BacklogItems.Where(i => i.SourceFeedback.Any(l => l.FeedbackItemId == feedbackId))
            .Select(i => new { i.Id, i.Title, i.AsA, i.IWant, i.Type, Tags = i.Tags.Select(t => t.Name).ToList() }).ToListAsync());
        Assert.Equal(["Get a receipt for my gift card payment", "See where to enter my gift card"],
            items.Select(i => char.ToUpperInvariant(i.Title[0]) + i.Title[1..]).Order());
        Assert.All(items, i => Assert.Equal(("shopper with a gift card", BacklogItemType.Story, "gift-cards"), (i.AsA, i.Type, i.Tags.Single())));
        Assert.Equal(FeedbackStatus.Accepted, await app.QueryAsync(db => db.FeedbackItems.Where(f => f.Id == feedbackId).Select(f => f.Status).SingleAsync()));
        // Both ways: the feedback lists the items, each item shows the feedback.
        foreach (var item in items)
        {
            Assert.NotNull(result.QuerySelector($"a[href='{product.Url}/backlog/{item.Id}']"));
            var itemPage = await client.GetPageAsync($"{product.Url}/backlog/{item.Id}");
            Assert.NotNull(itemPage.QuerySelector($"a[href='{product.Url}/feedback/{feedbackId}']"));
        }
    }

    [Fact]
    public async Task Triage_as_duplicate_needs_the_item_it_duplicates_and_a_stale_form_gets_a_conflict()
    {
        var product = await NewProductAsync();
        var feedbackId = await product.Feedback("Apple Pay again.").From(FeedbackSourceKind.Customer, "Bob Duplicate").CreateAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        var page = await client.GetPageAsync($"{product.Url}/feedback/{feedbackId}");

        using var missing = await client.SubmitAsync(page, "#triage-form", new Dictionary<string, string> { ["Triage.Status"] = "Duplicate" });
        Assert.Equal("Say which feedback item this duplicates.", (await TestClient.ParseAsync(missing)).FieldError("Triage.DuplicateOfId"));

        using var declined = await client.SubmitAsync(page, "#triage-form", new Dictionary<string, string> { ["Triage.Status"] = "Declined" });
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);

        // The first page still carries the old version: saving it again is a conflict, not a lost update.
        using var stale = await client.SubmitAsync(page, "#triage-form", new Dictionary<string, string> { ["Triage.Status"] = "Accepted" });
        var conflict = await TestClient.ParseAsync(stale);
        Assert.Contains("Changed by Oliver Owens (PO) while you were working", conflict.Text(".conflict"));
        Assert.Equal(FeedbackStatus.Declined, await app.QueryAsync(db => db.FeedbackItems.Where(f => f.Id == feedbackId).Select(f => f.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_stakeholder_cannot_see_the_feedback_inbox_and_a_developer_cannot_record_feedback()
    {
        var product = await NewProductAsync();
        var stakeholder = await app.SharedClientAsync(AppFixture.Stakeholder);
        using var inbox = await stakeholder.GetAsync($"{product.Url}/feedback");
        Assert.Equal(HttpStatusCode.Forbidden, inbox.StatusCode);

        var dev = await app.SharedClientAsync(AppFixture.Dev);
        var page = await dev.GetPageAsync($"{product.Url}/feedback");
        Assert.Null(page.QuerySelector("#record-form"));
    }
}
