using System.Net;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Domain.Sharing;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.Sharing;

namespace ProductRoles.Tests.Sharing;

/// <summary>An app of its own whose share links allow three views a minute per client address.</summary>
public sealed class ShareLinkRateLimitFixture : IAsyncLifetime
{
    public const int ViewsPerMinute = 3;

    public AppFixture App { get; } = new() { Factory = CreateFactory() };

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();

    private static AppFactory CreateFactory()
    {
        var factory = new AppFactory();
        factory.Settings["Sharing:ViewsPerMinute"] = ViewsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return factory;
    }
}

/// <summary>Share links are rate-limited per client address, across links: guessing gets no fresh budget per guess.</summary>
public sealed class ShareLinkRateLimitTests(ShareLinkRateLimitFixture fixture) : IClassFixture<ShareLinkRateLimitFixture>
{
    [Fact]
    public async Task Views_over_the_limit_get_429_with_a_retry_after_whichever_link_they_try()
    {
        var app = fixture.App;
        var product = await app.NewProduct("Rate limit").BuildAsync();
        await product.RoadmapItem("Wallets").In(RoadmapHorizon.Now).CreateAsync();
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, null));
        var link = await product.SendAsync(AppFixture.Pm, new CreateShareLink(product.Slug, ShareLinkKind.PublishedRoadmap, null, "Finance", null));
        using var anonymous = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var n = 0; n < ShareLinkRateLimitFixture.ViewsPerMinute; n++)
        {
            using var response = await anonymous.GetAsync("/s/" + link.Secret);
            statuses.Add(response.StatusCode);
        }

        using var over = await anonymous.GetAsync("/s/" + link.Secret);
        using var guess = await anonymous.GetAsync("/s/" + ShareLink.NewSecret().Secret);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, ShareLinkRateLimitFixture.ViewsPerMinute), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.True(over.Headers.RetryAfter is not null, "A refused view says when to try again.");
        Assert.Equal(HttpStatusCode.TooManyRequests, guess.StatusCode);
        var views = (await product.AskAsync(AppFixture.Pm, new GetShareLinks(product.Slug))).Links.Single().ViewCount;
        Assert.Equal(ShareLinkRateLimitFixture.ViewsPerMinute, views);
    }
}
