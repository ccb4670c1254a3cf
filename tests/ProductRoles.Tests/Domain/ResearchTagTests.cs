using ProductRoles.Web.Domain.Research;

namespace ProductRoles.Tests.Domain;

/// <summary>Tags on research insights as typed by the product manager and filtered by one tag.</summary>
public sealed class ResearchTagTests
{
    [Fact]
    public void Tags_split_on_commas_and_semicolons_trimmed_lower_cased_without_repeats()
    {
        Assert.Equal(["refunds", "wallets", "sepa"], Insight.ParseTags(" Refunds, wallets;SEPA ;refunds,, ;"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ; ")]
    public void No_tags_parse_to_none_and_store_as_empty(string? typed)
    {
        Assert.Empty(Insight.ParseTags(typed));
        Assert.Equal(string.Empty, Insight.NormaliseTags(typed));
    }

    [Fact]
    public void Stored_tags_are_fenced_by_commas_so_one_tag_matches_exactly()
    {
        Assert.Equal(",refunds,wallets,", Insight.NormaliseTags("Refunds; wallets"));
        Assert.Equal(",sepa,", Insight.NormaliseTags("SEPA"));
    }

    [Fact]
    public void The_tag_list_reads_the_stored_tags_back()
    {
        var insight = new Insight { Title = "Wallet growth", Tags = Insight.NormaliseTags("Refunds; wallets") };
        Assert.Equal(["refunds", "wallets"], insight.TagList);
        Assert.Empty(new Insight { Title = "Untagged" }.TagList);
    }
}
