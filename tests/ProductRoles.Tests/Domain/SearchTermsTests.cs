using ProductRoles.Web.Domain.Search;

namespace ProductRoles.Tests.Domain;

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("ACME-123", "\"acme 123\"*")]
    [InlineData("pay card", "\"pay\" \"card\"*")]
    [InlineData("\"pay\" OR card*", "\"pay\" \"or\" \"card\"*")]
    [InlineData("NEAR(a b)", "\"near a\" \"b\"*")]
    [InlineData("Zahlung Übersicht", "\"zahlung\" \"übersicht\"*")]
    [InlineData("pay ACME-12", "\"pay\" \"acme 12\"*")]
    public void Each_term_becomes_a_quoted_phrase_of_its_words_and_the_last_a_prefix(string text, string fts5) =>
        Assert.Equal(fts5, SearchTerms.Parse(text).ToFts5());

    [Fact]
    public void SQL_Server_gets_every_word_as_a_quoted_term_and_the_last_as_a_prefix() =>
        Assert.Equal("\"pay\" AND \"acme\" AND \"123*\"", SearchTerms.Parse("pay ACME-123").ToContains());

    [Fact]
    public void Highlighting_marks_the_words_before_the_last_only_where_they_are_whole()
    {
        var parts = Highlight.Parts("Pay the payment by card or cardholder", SearchTerms.Parse("pay card"));
        Assert.Equal(["Pay", "card", "cardholder"], parts.Where(p => p.IsMatch).Select(p => p.Text).ToArray());
    }

    [Theory]
    [InlineData("new back", true)]
    [InlineData("new backlog", true)]
    [InlineData("ne backlog", false)]
    [InlineData("back new", false)]
    public void A_palette_label_holds_the_words_typed_the_last_as_a_prefix(string text, bool expected) =>
        Assert.Equal(expected, SearchTerms.Parse(text).AllIn("New backlog item"));

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

    [Fact]
    public void A_snippet_makes_every_run_of_whitespace_one_space_and_trims_the_ends()
    {
        var parts = Highlight.Snippet("\n  Pay\r\n\r\n by \t card \n", SearchTerms.Parse("card"));
        Assert.Equal("Pay by card", string.Concat(parts.Select(p => p.Text)));
        Assert.Equal(["card"], parts.Where(p => p.IsMatch).Select(p => p.Text).ToArray());
    }

    [Fact]
    public void A_long_snippet_is_cut_at_spaces_of_the_flattened_text_and_starts_at_a_word()
    {
        var text = string.Join("\n\n", Enumerable.Range(1, 40).Select(n => $"line{n} of text")) + "\n\nthe needle here\n\n" + string.Join("\n", Enumerable.Repeat("more words after", 30));
        var snippet = string.Concat(Highlight.Snippet(text, SearchTerms.Parse("needle"), 60).Select(p => p.Text));
        Assert.Equal("…line40 of text the needle here more words after more words…", snippet);
    }

    [Fact]
    public void A_snippet_that_matches_nothing_is_the_start_of_the_text()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 100));
        var snippet = string.Concat(Highlight.Snippet(text, SearchTerms.Parse("absent"), 20).Select(p => p.Text));
        Assert.Equal("word word word word…", snippet);
    }

    [Fact]
    public void A_word_of_letters_beyond_the_basic_plane_is_one_word()
    {
        var parts = Highlight.Parts("x 𝒜𝒷𝒸 y", SearchTerms.Parse("𝒜𝒷𝒸"));
        Assert.Equal(["𝒜𝒷𝒸"], parts.Where(p => p.IsMatch).Select(p => p.Text).ToArray());
    }

    [Fact]
    public void Highlighting_splits_a_text_into_plain_and_marked_parts_in_order()
    {
        var parts = Highlight.Parts("Pay the payment now", SearchTerms.Parse("pay"));
        Assert.Equal([new HighlightPart("Pay", true), new HighlightPart(" the ", false), new HighlightPart("payment", true), new HighlightPart(" now", false)], parts);
    }

    [Fact]
    public void A_text_as_long_as_the_snippet_is_shown_whole()
    {
        var text = "refund " + new string('x', 13);
        Assert.Equal(text, string.Concat(Highlight.Snippet(text, SearchTerms.Parse("refund"), text.Length).Select(p => p.Text)));
    }

    [Theory]
    [InlineData("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀needle tail tail tail tail", 15, "…😀😀needle…")]
    [InlineData("needle𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜", 9, "needle𝒜…")]
    public void A_snippet_never_cuts_a_character_beyond_the_basic_plane_in_half(string text, int length, string expected) =>
        Assert.Equal(expected, string.Concat(Highlight.Snippet(text, SearchTerms.Parse("needle"), length).Select(p => p.Text)));

    [Fact]
    public void Highlighting_refuses_a_missing_text()
    {
        Assert.Throws<ArgumentNullException>(() => Highlight.Parts(null!, SearchTerms.Parse("pay")));
        Assert.Throws<ArgumentNullException>(() => Highlight.Snippet(null!, SearchTerms.Parse("pay")));
    }
}
