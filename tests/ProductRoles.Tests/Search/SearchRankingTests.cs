using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Features.Search;

namespace ProductRoles.Tests.Search;

/// <summary>How the search page orders what it finds, and how it reads the words typed.</summary>
[Collection(AppCollection.Name)]
public sealed class SearchRankingTests(AppFixture app)
{
    private static string Word() => "w" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Only_the_last_word_typed_matches_as_a_prefix()
    {
        var product = await app.NewProduct("Search last word").BuildAsync();
        var (first, second) = (Word(), Word());
        var item = await product.BacklogItem($"{first}ment {second}holder").CreateAsync();

        Assert.Empty(await FoundAsync(AppFixture.Po, $"{first} {second}"));
        Assert.Equal([$"/p/{product.Slug}/backlog/{item}"], await FoundAsync(AppFixture.Po, $"{first}ment {second}"));
        Assert.Equal([$"/p/{product.Slug}/backlog/{item}"], await FoundAsync(AppFixture.Po, $"{second}holder {first}"));
    }

    [Fact]
    public async Task The_backlog_filter_reads_the_words_the_same_way()
    {
        var product = await app.NewProduct("Filter last word").BuildAsync();
        var (first, second) = (Word(), Word());
        var item = await product.BacklogItem($"{first}ment {second}holder").CreateAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);

        var whole = await client.GetPageAsync($"/p/{product.Slug}/backlog?q={first}+{second}");
        var prefix = await client.GetPageAsync($"/p/{product.Slug}/backlog?q={first}ment+{second}");

        Assert.Null(whole.QuerySelector($"#item-{item}"));
        Assert.NotNull(prefix.QuerySelector($"#item-{item}"));
    }

    [Fact]
    public async Task The_backlog_filter_counts_what_its_text_alone_and_with_a_status_matches()
    {
        var product = await app.NewProduct("Filter counts").BuildAsync();
        var word = Word();
        for (var n = 0; n < 52; n++)
        {
            await product.BacklogItem($"{word} item {n}").Status(n < 2 ? BacklogItemStatus.New : BacklogItemStatus.Ready).CreateAsync();
        }

        await product.BacklogItem("Unrelated item").CreateAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);

        var text = await client.GetPageAsync($"/p/{product.Slug}/backlog?q={word}");
        var second = await client.GetPageAsync($"/p/{product.Slug}/backlog?q={word}&p=2");
        var withStatus = await client.GetPageAsync($"/p/{product.Slug}/backlog?q={word}&Status=New");

        Assert.Contains("52 items", text.Text(".pager"), StringComparison.Ordinal);
        Assert.Equal(2, second.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(2, withStatus.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("2 items", withStatus.Text(".pager"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Title_matches_come_first_however_old_then_the_rest_newest_first()
    {
        var product = await app.NewProduct("Search title first").BuildAsync();
        var word = Word();
        var oldTitle = await product.BacklogItem($"{word} in the title, long ago").CreateAsync();
        var newTitle = await product.BacklogItem($"{word} in the title, lately").CreateAsync();
        var oldBody = await product.BacklogItem("Mentioned early").Description($"A text that mentions {word} once.").CreateAsync();
        var newBody = await product.BacklogItem("Mentioned late").Description($"A text that mentions {word} too.").CreateAsync();

        Assert.Equal(
            [Url(product.Slug, newTitle), Url(product.Slug, oldTitle), Url(product.Slug, newBody), Url(product.Slug, oldBody)],
            await FoundAsync(AppFixture.Po, word));
    }

    [Fact]
    public async Task A_title_match_older_than_the_thousand_newest_matches_is_still_found_first()
    {
        var product = await app.NewProduct("Search old title").BuildAsync();
        var word = Word();
        var old = await product.BacklogItem($"{word} named long ago").CreateAsync();
        await app.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var ranks = RankKey.Spread(SearchEverything.MaxCounted + 5);
            for (var n = 0; n < ranks.Count; n++)
            {
                db.BacklogItems.Add(new BacklogItem
                {
                    ProductId = product.Id, Type = BacklogItemType.Chore, Title = $"Later item {n}", Description = $"Mentions {word} in passing.",
                    Rank = ranks[n], CreatedAt = now, UpdatedAt = now,
                });
            }

            return await db.SaveChangesAsync();
        });

        var page = await (await app.SharedClientAsync(AppFixture.Po)).GetPageAsync($"/search?q={word}");

        Assert.Equal(Url(product.Slug, old), page.QuerySelector(".search-result-title a")!.GetAttribute("href"));
        Assert.Contains("More than 1,000 results", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private static string Url(string slug, int id) => $"/p/{slug}/backlog/{id}";

    private async Task<List<string?>> FoundAsync(string who, string text)
    {
        var page = await (await app.SharedClientAsync(who)).GetPageAsync($"/search?q={Uri.EscapeDataString(text)}");
        return [.. page.QuerySelectorAll(".search-result-title a").Select(a => a.GetAttribute("href"))];
    }
}
