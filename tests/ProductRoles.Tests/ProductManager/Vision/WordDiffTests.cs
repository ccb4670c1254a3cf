using ProductRoles.Web.Features.ProductManager.Vision;

namespace ProductRoles.Tests.ProductManager.Vision;

public sealed class WordDiffTests
{
    private static string Before(IEnumerable<DiffSegment> segments) =>
        string.Concat(segments.Where(s => s.Kind != DiffKind.Added).Select(s => s.Text));

    private static string After(IEnumerable<DiffSegment> segments) =>
        string.Concat(segments.Where(s => s.Kind != DiffKind.Removed).Select(s => s.Text));

    private static (DiffKind, string)[] Pairs(IEnumerable<DiffSegment> segments) => [.. segments.Select(s => (s.Kind, s.Text))];

    [Fact]
    public void An_edited_line_is_compared_word_by_word_and_the_other_lines_stay_whole()
    {
        const string before = "Shoppers pay in one step.\nMerchants get paid the next day.\nRefunds take a week.";
        const string after = "Shoppers pay in one tap.\nMerchants get paid the same day.\nEvery refund is instant.";

        var segments = WordDiff.Compare(before, after);

        Assert.Equal(
            [
                (DiffKind.Same, "Shoppers pay in one"), (DiffKind.Removed, " step."), (DiffKind.Added, " tap."),
                (DiffKind.Same, "\nMerchants get paid the"), (DiffKind.Removed, " next"), (DiffKind.Added, " same"), (DiffKind.Same, " day."),
                (DiffKind.Removed, "\nRefunds take a week."), (DiffKind.Added, "\nEvery refund is instant."),
            ],
            Pairs(segments));
        Assert.Equal(before, Before(segments));
        Assert.Equal(after, After(segments));
    }

    [Fact]
    public void Words_of_an_added_line_are_not_matched_with_the_same_words_on_another_line()
    {
        const string before = "- One-page checkout\n- Saved cards for returning shoppers";
        const string after = "- Wallets for returning shoppers\n- One-page checkout\n- Saved cards";

        var segments = WordDiff.Compare(before, after);

        // The new first line is added as a whole; the last line loses its words in place.
        Assert.Equal(
            [
                (DiffKind.Added, "- Wallets for returning shoppers\n"), (DiffKind.Same, "- One-page checkout\n- Saved cards"),
                (DiffKind.Removed, " for returning shoppers"),
            ],
            Pairs(segments));
        Assert.Equal(before, Before(segments));
        Assert.Equal(after, After(segments));
    }

    [Fact]
    public void A_line_inserted_before_an_edited_line_is_added_whole_and_the_edit_pairs_with_its_own_line()
    {
        const string before = "Vision\nShoppers pay with a saved card in one step\nEnd";
        const string after = "Vision\nMerchants see every wallet payment\nShoppers pay with a saved card or a wallet in one step\nEnd";

        var segments = WordDiff.Compare(before, after);

        Assert.Equal(
            [
                (DiffKind.Same, "Vision"), (DiffKind.Added, "\nMerchants see every wallet payment"),
                (DiffKind.Same, "\nShoppers pay with a saved card"), (DiffKind.Added, " or a wallet"), (DiffKind.Same, " in one step\nEnd"),
            ],
            Pairs(segments));
    }

    [Fact]
    public void Windows_line_endings_are_not_a_change()
    {
        var segments = WordDiff.Compare("Fast refunds\r\nSaved cards", "Fast refunds\nSaved cards");

        Assert.Equal([(DiffKind.Same, "Fast refunds\nSaved cards")], Pairs(segments));
    }

    [Fact]
    public void Text_added_to_an_empty_section_is_one_addition()
    {
        Assert.Equal([(DiffKind.Added, "Saved cards\nWallets")], Pairs(WordDiff.Compare("", "Saved cards\nWallets")));
        Assert.Equal([(DiffKind.Removed, "Saved cards")], Pairs(WordDiff.Compare("Saved cards", "")));
    }

    [Fact]
    public void Word_diff_keeps_unchanged_words_and_marks_removed_and_added_ones()
    {
        var segments = WordDiff.Compare("pay in one step", "pay in two steps");
        Assert.Equal("pay in", segments[0].Text);
        Assert.Contains(segments, x => x.Kind == DiffKind.Removed && x.Text.Contains("one", StringComparison.Ordinal));
        Assert.Contains(segments, x => x.Kind == DiffKind.Added && x.Text.Contains("two steps", StringComparison.Ordinal));
    }
}
