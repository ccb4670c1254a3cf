using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Domain.Sharing;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.Sharing;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.Sharing;

/// <summary>
/// Share links: someone without an account opens the published roadmap or one sprint review, read-only and not
/// indexed, reaches nothing else, and loses it the moment the link is revoked or expires; each use is counted.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ShareLinkTests(AppFixture app)
{
    private async Task<(TestProduct Product, int SprintId)> ProductWithReviewAsync()
    {
        var product = await app.NewProduct("Sharing").BuildAsync();
        var roadmapItem = await product.RoadmapItem("One-page checkout").In(RoadmapHorizon.Now).Outcome("Shoppers pay in one step").CreateAsync();
        var story = await product.BacklogItem("Pay by card on one page").ForRoadmapItem(roadmapItem).CreateAsync();
        var other = await product.BacklogItem("Remember the card").CreateAsync();
        var sprint = await product.Sprint("Sprint 5").Starting(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-15)).Goal("Checkout on one page")
            .Planning(story, other).Started().CreateAsync();
        await product.MarkDoneAsync(story);
        await product.CloseSprintAsync(sprint);
        return (product, sprint);
    }

    private static Task<CreatedShareLink> ShareReviewAsync(TestProduct product, int sprintId, DateOnly? expires = null) =>
        product.SendAsync(AppFixture.Po, new CreateShareLink(product.Slug, ShareLinkKind.SprintReview, sprintId, "Finance", expires));

    [Fact]
    public async Task Anyone_with_a_sprint_review_link_reads_the_review_without_an_account_and_nothing_else()
    {
        var (product, sprintId) = await ProductWithReviewAsync();
        var link = await ShareReviewAsync(product, sprintId);
        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync("/s/" + link.Secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("noindex, nofollow", string.Join(",", response.Headers.GetValues("X-Robots-Tag")));
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Set-Cookie"), "A share link sets no cookie: it grants nothing beyond its own page.");
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Contains("Checkout on one page", page.QuerySelector(".sprint-goal")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Pay by card on one page", page.QuerySelector(".increment-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("One-page checkout", page.QuerySelector(".chain-list")!.TextContent, StringComparison.Ordinal);
        // No way on: not one link, not one form, no script.
        Assert.Empty(page.QuerySelectorAll("a[href]"));
        Assert.Empty(page.Forms);
        Assert.Empty(page.QuerySelectorAll("script"));

        // The same client reaches no other page of the product, no other product and no API.
        foreach (var url in new[] { product.Url, product.Url + "/sprints/" + sprintId + "/review", product.Url + "/roadmap/published", product.Url + "/backlog" })
        {
            using var other = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
            Assert.StartsWith("/Account/Login", other.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        using var api = await anonymous.GetAsync($"/api/v1/products/{product.Slug}/backlog");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task A_roadmap_link_shows_the_latest_publish_with_its_changes_and_stops_when_the_roadmap_changes_hands_nothing_private()
    {
        var product = await app.NewProduct("Sharing").BuildAsync();
        await product.RoadmapItem("Wallets").In(RoadmapHorizon.Later).Notes("Private: the PM's margin notes").CreateAsync();
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, "First cut for the customer advisory board."));
        var link = await product.SendAsync(AppFixture.Pm, new CreateShareLink(product.Slug, ShareLinkKind.PublishedRoadmap, null, "Customer advisory board", null));
        await product.RoadmapItem("Refunds in one click").In(RoadmapHorizon.Next).CreateAsync();
        await product.RoadmapItem("Draft only").In(RoadmapHorizon.Now).CreateAsync();
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, "Refunds come next."));
        await product.RoadmapItem("Not yet published").In(RoadmapHorizon.Now).CreateAsync();
        using var anonymous = app.CreateClient();

        var page = await anonymous.GetPageAsync("/s/" + link.Secret);

        var board = page.QuerySelector(".roadmap-board")!.TextContent;
        Assert.Contains("Wallets", board, StringComparison.Ordinal);
        Assert.Contains("Refunds in one click", board, StringComparison.Ordinal);
        Assert.DoesNotContain("Not yet published", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("margin notes", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("Refunds come next.", page.QuerySelector(".publish-note")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Added Draft only in Now", "Added Refunds in one click in Next"],
            page.QuerySelectorAll(".change").Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        Assert.Empty(page.QuerySelectorAll("a[href]"));
        Assert.Empty(page.Forms);
    }

    [Fact]
    public async Task Revoked_expired_unknown_and_malformed_links_all_get_the_same_404()
    {
        var (product, sprintId) = await ProductWithReviewAsync();
        var revoked = await ShareReviewAsync(product, sprintId);
        var expired = await ShareReviewAsync(product, sprintId, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1));
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/s/" + revoked.Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/s/" + expired.Secret)).StatusCode);

        await product.SendAsync(AppFixture.Po, new RevokeShareLink(product.Slug, revoked.Id));
        // The expiry has passed (the clock is the app's own; the row is moved, as a day passing would).
        await app.QueryAsync(db => db.ShareLinks.Where(l => l.Id == expired.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        var (unknown, _) = ShareLink.NewSecret();

        var bodies = new List<string>();
        foreach (var secret in new[] { revoked.Secret, expired.Secret, unknown, "not-a-secret", new string('a', 5000) })
        {
            using var response = await anonymous.GetAsync("/s/" + secret);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            // The same page, but for its trace id (every request has its own).
            bodies.Add(System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "Trace id: [^<]*", "Trace id"));
        }

        Assert.Single(bodies.Distinct());
    }

    [Fact]
    public async Task A_link_ends_when_its_sprint_review_is_no_longer_published()
    {
        var (product, sprintId) = await ProductWithReviewAsync();
        var link = await ShareReviewAsync(product, sprintId);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/s/" + link.Secret)).StatusCode);

        // A review is published while its sprint is closed: a sprint that is not (here set back by hand) shows nothing.
        await app.QueryAsync(db => db.Sprints.Where(s => s.Id == sprintId).ExecuteUpdateAsync(u => u.SetProperty(s => s.State, ProductRoles.Web.Domain.Sprints.SprintState.Active)));

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/s/" + link.Secret)).StatusCode);
    }

    [Fact]
    public async Task Every_view_is_counted_and_the_history_gets_one_row_per_link_and_day()
    {
        var (product, sprintId) = await ProductWithReviewAsync();
        var link = await ShareReviewAsync(product, sprintId);
        using var anonymous = app.CreateClient();
        var before = await app.ActivityCountAsync(product.Slug);

        for (var n = 0; n < 3; n++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/s/" + link.Secret)).StatusCode);
        }

        var viewed = await app.QueryAsync(db => db.Activities.Where(a => a.ProductId == product.Id && a.Action == "Viewed").ToListAsync());
        var row = Assert.Single(viewed);
        Assert.Equal(RecordShareLinkViewHandler.ViewerName, row.UserName);
        Assert.Equal("Share link “Finance”", row.EntityLabel);
        Assert.Equal(before + 1, await app.ActivityCountAsync(product.Slug));

        var links = await product.AskAsync(AppFixture.Po, new GetShareLinks(product.Slug));
        var shown = Assert.Single(links.Links);
        Assert.Equal((3, ShareLinkState.Open), (shown.ViewCount, shown.State));
        Assert.NotNull(shown.LastViewedAt);

        // The next day's first view is news again.
        await app.QueryAsync(db => db.ShareLinks.Where(l => l.Id == link.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.LastViewedAt, DateTime.UtcNow.AddDays(-1))));
        await anonymous.GetAsync("/s/" + link.Secret);
        Assert.Equal(2, await app.QueryAsync(db => db.Activities.CountAsync(a => a.ProductId == product.Id && a.Action == "Viewed")));
    }

    [Fact]
    public async Task Only_the_hash_is_stored_the_link_is_shown_once_and_making_and_revoking_are_in_the_history()
    {
        var (product, sprintId) = await ProductWithReviewAsync();
        using var po = await app.SignInAsync(AppFixture.Po);
        var manage = await po.GetPageAsync($"{product.Url}/share-links?share={sprintId}");
        using var posted = await po.SubmitAsync(manage, "form.form", new Dictionary<string, string> { ["Input.Label"] = "Security operations" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var shown = await po.FollowAsync(posted);
        var address = shown.QuerySelector("#created-link")!.GetAttribute("value")!;
        var secret = address[(address.LastIndexOf('/') + 1)..];
        var stored = await app.QueryAsync(db => db.ShareLinks.SingleAsync(l => l.ProductId == product.Id));
        Assert.Equal((ShareLinkKind.SprintReview, sprintId, ShareLink.Hash(secret)), (stored.Kind, stored.SprintId, stored.SecretHash));
        Assert.DoesNotContain(secret, (await po.GetPageAsync($"{product.Url}/share-links")).Body!.InnerHtml, StringComparison.Ordinal);

        await product.SendAsync(AppFixture.Po, new RevokeShareLink(product.Slug, stored.Id));
        var history = await app.QueryAsync(db => db.Activities.Where(a => a.ProductId == product.Id && a.EntityType == nameof(ShareLink))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["Created", "Revoked"], history);
        Assert.DoesNotContain(await app.QueryAsync(db => db.Activities.Where(a => a.ProductId == product.Id).Select(a => a.NewValue ?? "").ToListAsync()),
            v => v.Contains(stored.SecretHash, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_PM_shares_the_roadmap_and_the_PO_a_review_and_neither_the_others()
    {
        var (product, sprintId) = await ProductWithReviewAsync();
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, null));

        await Assert.ThrowsAsync<ForbiddenException>(() => product.SendAsync(AppFixture.Pm,
            new CreateShareLink(product.Slug, ShareLinkKind.SprintReview, sprintId, "Finance", null)));
        await Assert.ThrowsAsync<ForbiddenException>(() => product.SendAsync(AppFixture.Po,
            new CreateShareLink(product.Slug, ShareLinkKind.PublishedRoadmap, null, "Finance", null)));
        var reviewLink = await ShareReviewAsync(product, sprintId);
        await Assert.ThrowsAsync<ForbiddenException>(() => product.SendAsync(AppFixture.Pm, new RevokeShareLink(product.Slug, reviewLink.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => product.SendAsync(AppFixture.Stakeholder,
            new CreateShareLink(product.Slug, ShareLinkKind.PublishedRoadmap, null, "Finance", null)));

        var pmView = await product.AskAsync(AppFixture.Pm, new GetShareLinks(product.Slug));
        Assert.False(Assert.Single(pmView.Links).CanRevoke);
        Assert.Empty(pmView.Reviews);
        Assert.True(pmView.CanShareRoadmap);
        var poView = await product.AskAsync(AppFixture.Po, new GetShareLinks(product.Slug));
        Assert.True(Assert.Single(poView.Links).CanRevoke);
        Assert.False(poView.CanShareRoadmap);
        Assert.Equal([sprintId], poView.Reviews.Select(r => r.SprintId));
    }

    [Theory]
    [InlineData("", "review", null, "Input.Label")]
    [InlineData("Finance", "review", -2, "Input.ExpiresOn")]
    [InlineData("Finance", "review", 400, "Input.ExpiresOn")]
    [InlineData("Finance", "nonsense", null, "Input.Target")]
    [InlineData("Finance", "review-999999", null, "Input.Target")]
    [InlineData("Finance", "roadmap", null, null)]
    public async Task Bad_input_gets_a_message_beside_its_field_and_makes_no_link(string label, string target, int? expiresInDays, string? field)
    {
        var (product, sprintId) = await ProductWithReviewAsync();
        using var client = await app.SignInAsync(target == "roadmap" ? AppFixture.Pm : AppFixture.Po);
        var form = new Dictionary<string, string>
        {
            ["Input.Label"] = label,
            ["Input.Target"] = target == "review" ? "review-" + sprintId : target,
            ["Input.ExpiresOn"] = expiresInDays is { } days ? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "",
        };

        using var response = await client.PostAsync($"{product.Url}/share-links", form, $"{product.Url}/share-links");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        var message = field is null ? page.QuerySelector(".alert-error") : page.QuerySelector($".field-error[data-valmsg-for='{field}']");
        Assert.False(string.IsNullOrWhiteSpace(message?.TextContent), $"No message for {field ?? "the form"}.");
        Assert.Equal(0, await app.QueryAsync(db => db.ShareLinks.CountAsync(l => l.ProductId == product.Id)));
    }
}
