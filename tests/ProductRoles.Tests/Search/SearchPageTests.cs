using System.Net;
using System.Text.Json;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;

namespace ProductRoles.Tests.Search;

/// <summary>The search page and the palette's entries, as each role sees them.</summary>
[Collection(AppCollection.Name)]
public sealed class SearchPageTests(AppFixture app)
{
    private static string Word() => "w" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Each_role_finds_only_what_it_may_see_and_a_non_member_nothing_of_the_product()
    {
        var product = await app.NewProduct("Search roles").BuildAsync();
        var word = Word();
        await product.BacklogItem($"Backlog {word}").CreateAsync();
        await product.RoadmapItem($"Roadmap {word}").CreateAsync();
        await product.Feedback($"Feedback {word}").CreateAsync();
        var closed = await app.NewProduct("Search closed").WithMembers((AppFixture.Po, ProductRole.ProductOwner)).BuildAsync();
        await closed.BacklogItem($"Closed {word}").CreateAsync();

        Assert.Equal(4, await CountAsync(AppFixture.Po, word));  // both products
        Assert.Equal(3, await CountAsync(AppFixture.Dev, word)); // not a member of the second
        Assert.Equal(0, await CountAsync(AppFixture.Stakeholder, word)); // reads the published roadmap and reviews, none of these
        Assert.Equal(0, await CountAsync(AppFixture.Outsider, word));
        Assert.Equal(0, await CountAsync(AppFixture.Admin, word)); // runs products, does not read them
    }

    [Fact]
    public async Task A_match_in_the_title_ranks_above_a_match_in_the_description()
    {
        var product = await app.NewProduct("Search rank").BuildAsync();
        var word = Word();
        await product.BacklogItem("Mentions it below").Description($"Somewhere in a long text about many other things, {word} comes up once.").CreateAsync();
        var titled = await product.BacklogItem($"{word} export").CreateAsync();

        var page = await (await app.SharedClientAsync(AppFixture.Po)).GetPageAsync($"/search?q={word}");

        var links = page.QuerySelectorAll(".search-result-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(2, links.Count);
        Assert.Equal($"/p/{product.Slug}/backlog/{titled}", links[0]);
    }

    [Fact]
    public async Task Matches_are_marked_and_hostile_text_is_shown_encoded_never_as_markup()
    {
        var product = await app.NewProduct("Search hostile").BuildAsync();
        var word = Word();
        await product.BacklogItem($"<script>alert(1)</script> {word} <img src=x onerror=alert(2)>")
            .Description($"<b>bold</b> and {word}ing").CreateAsync();

        var page = await (await app.SharedClientAsync(AppFixture.Dev)).GetPageAsync($"/search?q={word}");

        var result = Assert.Single(page.QuerySelectorAll(".search-result"));
        Assert.Empty(result.QuerySelectorAll("script, img, b"));
        Assert.Contains("<script>alert(1)</script>", result.QuerySelector(".search-result-title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([word, $"{word}ing"], result.QuerySelectorAll("mark").Select(m => m.TextContent).Distinct().ToArray());
        Assert.Contains("<b>bold</b>", result.QuerySelector(".search-snippet")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"", "punctuation alone")]
    [InlineData("***", "punctuation alone")]
    [InlineData("(\"", "punctuation alone")]
    [InlineData("", "Type a word")]
    [InlineData("   ", "Type a word")]
    public async Task Text_that_cannot_be_searched_says_why(string text, string message)
    {
        var client = await app.SharedClientAsync(AppFixture.Po);
        using var response = await client.GetAsync($"/search?q={Uri.EscapeDataString(text)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".search-result"));
    }

    [Fact]
    public async Task Ten_thousand_characters_get_a_message_beside_the_field()
    {
        var client = await app.SharedClientAsync(AppFixture.Po);
        var page = await client.GetPageAsync($"/search?q={new string('a', 10_000)}");
        Assert.Contains("at most 200 characters", page.QuerySelector("#search-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("search-problem", page.QuerySelector("#search-page-q")!.GetAttribute("aria-describedby"));
    }

    [Theory]
    [InlineData("{0} OR")]
    [InlineData("NOT {0}")]
    [InlineData("NEAR({0} x)")]
    [InlineData("\"{0}")]
    [InlineData("{0}*")]
    [InlineData("Title:{0}")]
    [InlineData("{0} AND (")]
    [InlineData("^{0}")]
    [InlineData("{0}'; DROP TABLE SearchIndex; --")]
    public async Task Query_syntax_in_the_text_is_read_as_words_never_as_syntax(string pattern)
    {
        var product = await app.NewProduct("Search syntax").BuildAsync();
        var word = Word();
        // Every word the patterns below hold, in their order where a pattern makes a phrase of two.
        await product.BacklogItem($"Title {word} near {word} x and not or drop table searchindex").CreateAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);

        using var response = await client.GetAsync($"/search?q={Uri.EscapeDataString(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, word))}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Single(page.QuerySelectorAll(".search-result"));
        // The backlog's filter takes the same text without failing.
        using var backlog = await client.GetAsync($"{product.Url}/backlog?q={Uri.EscapeDataString(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, word))}");
        Assert.Equal(HttpStatusCode.OK, backlog.StatusCode);
        Assert.Single((await TestClient.ParseAsync(backlog)).QuerySelectorAll(".po-backlog tbody tr"));
    }

    [Fact]
    public async Task Results_come_a_page_at_a_time()
    {
        var product = await app.NewProduct("Search pages").BuildAsync();
        var word = Word();
        for (var n = 0; n < 23; n++)
        {
            await product.BacklogItem($"{word} number {n}").Chore().CreateAsync();
        }

        var client = await app.SharedClientAsync(AppFixture.Po);
        var first = await client.GetPageAsync($"/search?q={word}");
        var second = await client.GetPageAsync($"/search?q={word}&p=2");

        Assert.Equal(20, first.QuerySelectorAll(".search-result").Length);
        Assert.Equal(3, second.QuerySelectorAll(".search-result").Length);
        Assert.Contains("23 results", first.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var all = first.QuerySelectorAll(".search-result-title a").Concat(second.QuerySelectorAll(".search-result-title a")).Select(a => a.GetAttribute("href"));
        Assert.Equal(23, all.Distinct().Count());
    }

    [Fact]
    public async Task The_palette_offers_the_actions_a_role_may_do_and_the_items_it_may_see()
    {
        var product = await app.NewProduct("Search palette").BuildAsync();
        var word = Word();
        var item = await product.BacklogItem($"Palette {word}").CreateAsync();
        var planned = await product.Sprint("Sprint 1").CreateAsync();

        var po = await PaletteAsync(AppFixture.Po, product.Slug, "");
        var pm = await PaletteAsync(AppFixture.Pm, product.Slug, "");
        var stakeholder = await PaletteAsync(AppFixture.Stakeholder, product.Slug, "");

        Assert.Equal(
            [("New backlog item", $"/p/{product.Slug}/backlog/new"), ("Start sprint: Sprint 1", $"/p/{product.Slug}/sprints/{planned}")],
            Actions(po));
        Assert.Equal(
            [("New roadmap item", $"/p/{product.Slug}/roadmap/new"), ("New insight", $"/p/{product.Slug}/research/new"), ("Publish roadmap", $"/p/{product.Slug}/roadmap#publish-note")],
            Actions(pm));
        Assert.Empty(Actions(stakeholder));
        Assert.Contains(Entries(stakeholder), e => e.Url == $"/p/{product.Slug}/roadmap/published");
        Assert.DoesNotContain(Entries(stakeholder), e => e.Url == $"/p/{product.Slug}/backlog");

        Assert.Contains(Entries(await PaletteAsync(AppFixture.Dev, product.Slug, word)), e => e.Url == $"/p/{product.Slug}/backlog/{item}");
        Assert.Empty(Entries(await PaletteAsync(AppFixture.Stakeholder, product.Slug, word)));
        Assert.Equal([("New backlog item", $"/p/{product.Slug}/backlog/new")], Actions(await PaletteAsync(AppFixture.Po, product.Slug, "new back")));
    }

    private async Task<int> CountAsync(string who, string word)
    {
        var page = await (await app.SharedClientAsync(who)).GetPageAsync($"/search?q={word}");
        return page.QuerySelectorAll(".search-result").Length;
    }

    private async Task<JsonElement> PaletteAsync(string who, string slug, string text)
    {
        using var response = await (await app.SharedClientAsync(who)).GetAsync($"/search?handler=Palette&product={slug}&q={Uri.EscapeDataString(text)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static List<(string Label, string Url, string Group)> Entries(JsonElement palette) =>
        [.. palette.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("label").GetString()!, e.GetProperty("url").GetString()!, e.GetProperty("group").GetString()!))];

    private static (string, string)[] Actions(JsonElement palette) =>
        [.. Entries(palette).Where(e => e.Group == "Action").Select(e => (e.Label, e.Url))];
}
