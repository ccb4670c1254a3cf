using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;

namespace ProductRoles.Tests.Live;

/// <summary>
/// What a live page fetches of itself (?fragment=live): the same page template without the shell,
/// as its reader may see it; and the live bar that tells live.js what the page follows.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LivePageTests(AppFixture app)
{
    [Fact]
    public async Task The_backlog_as_a_fragment_is_the_pages_own_content_with_the_filter_and_without_the_shell()
    {
        var product = await app.NewProduct("Live fragment").BuildAsync();
        await product.BacklogItem("Refunds in one click").CreateAsync();
        await product.BacklogItem("Saved cards").CreateAsync();
        var dev = await app.SharedClientAsync(AppFixture.Dev);

        var fragment = await dev.GetPageAsync($"{product.Url}/backlog?q=refunds&fragment=live");

        Assert.Null(fragment.QuerySelector("header.topbar"));
        Assert.Null(fragment.QuerySelector("aside.sidebar"));
        Assert.NotNull(fragment.QuerySelector("main#main h1"));
        var rows = fragment.QuerySelectorAll("table.po-backlog tbody tr");
        Assert.Contains("Refunds in one click", Assert.Single(rows).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_refresh_between_a_save_and_its_redirect_leaves_the_message_and_the_focus_to_the_redirected_page()
    {
        var product = await app.NewProduct("Live refresh after a save").BuildAsync();
        // A client of its own: the save's message and focus travel in its cookies.
        var po = await app.SignInAsync(AppFixture.Po);
        var page = await po.GetPageAsync($"{product.Url}/backlog");
        using var saved = await po.SubmitAsync(page, "#quick-add", new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = "Refund by link", ["place"] = "Top" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = await app.QueryAsync(db => db.BacklogItems.Where(i => i.ProductId == product.Id && i.Title == "Refund by link").Select(i => i.Id).SingleAsync());

        // The save's live event makes the open page fetch itself before the browser follows the redirect.
        using var refresh = await po.GetAsync($"{product.Url}/backlog?fragment=live");
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var landed = await po.FollowAsync(saved);
        var next = await po.GetPageAsync($"{product.Url}/backlog");

        Assert.Contains($"#{id} “Refund by link” added at position 1", landed.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(landed.QuerySelector($"#item-{id}[autofocus]"));
        Assert.Null(next.QuerySelector(".alert[role=status]"));
    }

    [Fact]
    public async Task The_live_bar_names_the_page_its_topics_and_its_own_url_with_the_filter()
    {
        var product = await app.NewProduct("Live bar").BuildAsync();
        var dev = await app.SharedClientAsync(AppFixture.Dev);

        var page = await dev.GetPageAsync($"{product.Url}/backlog?Status=Ready&q=cards");

        var bar = page.QuerySelector("#live-bar")!;
        Assert.Equal(product.Slug, bar.GetAttribute("data-product"));
        Assert.Equal("backlog", bar.GetAttribute("data-view"));
        Assert.Equal("backlog", bar.GetAttribute("data-topics"));
        Assert.Equal($"/p/{product.Slug}/backlog?Status=Ready&q=cards", bar.GetAttribute("data-src"));
        Assert.NotNull(page.QuerySelector("#live-status[aria-live='polite']"));
    }

    [Fact]
    public async Task An_edit_form_is_live_for_presence_and_staleness_but_never_re_rendered()
    {
        var product = await app.NewProduct("Live edit").BuildAsync();
        var item = await product.BacklogItem("Receipts").CreateAsync();
        var dev = await app.SharedClientAsync(AppFixture.Dev);

        var bar = (await dev.GetPageAsync($"{product.Url}/backlog/{item}/edit")).QuerySelector("#live-bar")!;

        Assert.Equal($"backlog-item:{item}", bar.GetAttribute("data-view"));
        Assert.Equal("true", bar.GetAttribute("data-editing"));
        Assert.Equal("", bar.GetAttribute("data-topics"));
        Assert.Equal($"/p/{product.Slug}/backlog/{item}", bar.GetAttribute("data-item-url"));
    }

    [Fact]
    public async Task A_fragment_is_refused_as_the_page_is_to_a_member_of_another_product_and_to_a_role_without_the_right()
    {
        var product = await app.NewProduct("Live fragment access").BuildAsync();
        var outsider = await app.SharedClientAsync(AppFixture.Outsider);
        var stakeholder = await app.SharedClientAsync(AppFixture.Stakeholder);

        using var notFound = await outsider.GetAsync($"{product.Url}/backlog?fragment=live");
        using var forbidden = await stakeholder.GetAsync($"{product.Url}/backlog?fragment=live");

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task A_page_that_is_not_live_has_no_live_bar()
    {
        var product = await app.NewProduct("Not live").BuildAsync();
        var pm = await app.SharedClientAsync(AppFixture.Pm);

        var page = await pm.GetPageAsync($"{product.Url}/settings");

        Assert.Null(page.QuerySelector("#live-bar"));
    }
}
