using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Backlog.Import;

namespace ProductRoles.Tests.Domain;

/// <summary>What an imported row's labels, components and priority become as tags.</summary>
public sealed class ImportTagTests
{
    [Fact]
    public void Labels_are_words_components_keep_their_words_together_and_the_priority_is_prefixed()
    {
        var tags = ImportRowReader.Tags(["Q3_goal tech-debt", "UX;refunds"], ["Checkout UI", "Web / API"], "Highest");

        Assert.Equal(["q3-goal", "tech-debt", "ux", "refunds", "checkout-ui", "web-api", "priority-highest"], tags);
    }

    [Fact]
    public void Repeats_are_kept_once_and_no_more_than_the_item_may_hold_are_taken()
    {
        var labels = Enumerable.Range(1, 12).Select(n => $"label{n}").Prepend("web").ToList();

        var tags = ImportRowReader.Tags(labels, ["Web"], "High");

        Assert.Equal(BacklogItem.MaxTags, tags.Count);
        Assert.Equal("web", tags[0]);
        Assert.Equal(1, tags.Count(t => t == "web"));
        Assert.DoesNotContain("priority-high", tags);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_priority_gives_no_priority_tag(string? priority)
    {
        Assert.Equal(["web"], ImportRowReader.Tags([], ["Web"], priority));
    }

    [Fact]
    public void A_name_of_only_punctuation_gives_no_tag_and_a_long_one_is_cut_without_a_trailing_dash()
    {
        var longName = new string('a', BacklogItemTag.NameMaxLength - 1) + " b";

        var tags = ImportRowReader.Tags(["--", "!!"], ["/", longName], null);

        var tag = Assert.Single(tags);
        Assert.Equal(new string('a', BacklogItemTag.NameMaxLength - 1), tag);
    }
}
