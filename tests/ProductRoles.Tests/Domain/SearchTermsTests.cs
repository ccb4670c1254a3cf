using ProductRoles.Web.Domain.Search;

namespace ProductRoles.Tests.Domain;

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("ACME-123", "\"acme 123\"*")]
    [InlineData("pay card", "\"pay\"* \"card\"*")]
    [InlineData("\"pay\" OR card*", "\"pay\"* \"or\"* \"card\"*")]
    [InlineData("NEAR(a b)", "\"near a\"* \"b\"*")]
    [InlineData("Zahlung Übersicht", "\"zahlung\"* \"übersicht\"*")]
    public void Each_term_becomes_a_quoted_prefix_phrase_of_its_words(string text, string fts5) =>
        Assert.Equal(fts5, SearchTerms.Parse(text).ToFts5());

    [Fact]
    public void SQL_Server_gets_every_word_as_a_quoted_prefix_term() =>
        Assert.Equal("\"acme*\" AND \"123*\" AND \"pay*\"", SearchTerms.Parse("ACME-123 pay").ToContains());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    [InlineData("\"*()")]
    [InlineData("\ud800")]
    public void Nothing_searchable_has_a_reason(string? text)
    {
        var terms = SearchTerms.Parse(text);
        Assert.False(terms.IsSearchable);
        Assert.NotNull(terms.Problem);
    }

    [Fact]
    public void Too_long_text_says_how_long_it_may_be() =>
        Assert.Equal("Search for at most 200 characters (this was 10,000).", SearchTerms.Parse(new string('a', 10_000)).Problem);

    [Fact]
    public void At_most_ten_terms_are_searched() =>
        Assert.Equal(SearchTerms.MaxTerms, SearchTerms.Parse(string.Join(' ', Enumerable.Range(1, 30).Select(n => $"w{n}"))).Terms.Count);

    [Fact]
    public void Highlighting_marks_words_starting_with_a_token_and_keeps_every_character()
    {
        var text = "<b>Pay</b> by card, repay later: payment";
        var parts = Highlight.Parts(text, SearchTerms.Parse("pay"));
        Assert.Equal(text, string.Concat(parts.Select(p => p.Text)));
        Assert.Equal(["Pay", "payment"], parts.Where(p => p.IsMatch).Select(p => p.Text).ToArray());
    }

    [Fact]
    public void A_snippet_is_cut_around_the_first_match()
    {
        var text = string.Join(' ', Enumerable.Repeat("filler", 60)) + " needle " + string.Join(' ', Enumerable.Repeat("tail", 60));
        var snippet = string.Concat(Highlight.Snippet(text, SearchTerms.Parse("needle"), 80).Select(p => p.Text));
        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("needle", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length <= 82);
    }
}
