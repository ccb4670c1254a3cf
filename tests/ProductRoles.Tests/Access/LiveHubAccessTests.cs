using Microsoft.AspNetCore.SignalR;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.AccessTokens;
using ProductRoles.Web.Infrastructure.Live;

namespace ProductRoles.Tests.Access;

/// <summary>
/// The access walk for the live hub: joining each kind of page's group as every caller. Joining is
/// allowed exactly to those who may load the page; a member of another product is told the product
/// does not exist, as pages answer 404.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LiveHubAccessTests(AppFixture app)
{
    private static readonly Dictionary<Who, string> Emails = new()
    {
        [Who.Admin] = AppFixture.Admin,
        [Who.ProductManager] = AppFixture.Pm,
        [Who.ProductOwner] = AppFixture.Po,
        [Who.ScrumMaster] = AppFixture.Sm,
        [Who.Developer] = AppFixture.Dev,
        [Who.Stakeholder] = AppFixture.Stakeholder,
        [Who.Outsider] = AppFixture.Outsider,
    };

    /// <summary>Join(product, view) rows: the view's group and who may join it.</summary>
    public static readonly IReadOnlyList<(string View, Func<AccessProduct, int>? Id, Who[] Allowed)> Rows =
    [
        ("home", null, Roles.MembersAndAdmin),
        ("backlog", null, Roles.Team),
        ("backlog-item", p => p.BacklogItemId, Roles.Team),
        ("sprints", null, Roles.Team),
        ("sprint-items", null, Roles.Team),
        ("sprint", p => p.ActiveSprintId, Roles.Team),
        ("sprint-board", p => p.ActiveSprintId, Roles.Team),
        ("roadmap", null, Roles.Team),
        ("roadmap-feedback", null, Roles.Team),
        ("roadmap-item", p => p.RoadmapItemId, Roles.Team),
        ("roadmap-published", null, Roles.Members),
        ("sprint-reviews", null, Roles.Members),
        ("sprint-review", p => p.ClosedSprintId, Roles.Members),
        ("feedback", null, Roles.Team),
        ("feedback-item", p => p.FeedbackId, Roles.Team),
    ];

    public static TheoryData<string, Who> Cases()
    {
        var data = new TheoryData<string, Who>();
        foreach (var row in Rows)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(row.View, who);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_may_join_a_page_group_exactly_when_it_may_load_the_page(string kind, Who who)
    {
        var product = await AccessProduct.GetAsync(app);
        var row = Rows.Single(r => r.View == kind);
        var view = row.Id is null ? kind : $"{kind}:{row.Id(product)}";
        await using var live = await LiveClient.ConnectAsync(app.Factory, await app.SharedClientAsync(Emails[who]));

        if (row.Allowed.Contains(who))
        {
            Assert.False(string.IsNullOrEmpty((await live.JoinAsync(product.Product.Slug, view)).UserId));
            return;
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => live.JoinAsync(product.Product.Slug, view));
        Assert.Contains(who == Who.Outsider ? LiveHub.NotFound : LiveHub.NotAllowed, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_kind_of_live_topic_has_a_row()
    {
        foreach (var permission in LiveTopics.Audiences)
        {
            Assert.Contains(Rows, r => LiveTopics.PermissionFor(r.Id is null ? r.View : r.View + ":1") == permission);
        }

        Assert.All(Rows, r => Assert.NotNull(LiveTopics.PermissionFor(r.Id is null ? r.View : r.View + ":1")));
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("backlog:1")]
    [InlineData("backlog-item")]
    [InlineData("backlog-item:0")]
    [InlineData("backlog-item:-3")]
    [InlineData("backlog-item:abc")]
    [InlineData("")]
    public async Task A_view_that_names_no_page_is_refused(string view)
    {
        var product = await AccessProduct.GetAsync(app);
        await using var live = await LiveClient.ConnectAsync(app.Factory, await app.SharedClientAsync(AppFixture.Po));

        var refused = await Assert.ThrowsAsync<HubException>(() => live.JoinAsync(product.Product.Slug, view));
        Assert.Contains(LiveHub.UnknownView, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_personal_access_token_does_not_open_a_live_connection()
    {
        // Live pages are the browser's, signed in by the login cookie; a script follows changes through webhooks.
        var token = await app.CreateAsync(AppFixture.Po, AccessTokenScope.Read);

        var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => LiveClient.ConnectWithTokenAsync(app.Factory, token));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_product_that_does_not_exist_is_refused_with_the_same_words_as_one_of_another_team()
    {
        await using var live = await LiveClient.ConnectAsync(app.Factory, await app.SharedClientAsync(AppFixture.Po));

        var refused = await Assert.ThrowsAsync<HubException>(() => live.JoinAsync("no-such-product", "home"));
        Assert.Contains(LiveHub.NotFound, refused.Message, StringComparison.Ordinal);
    }
}
