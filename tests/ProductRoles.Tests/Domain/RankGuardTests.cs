using ProductRoles.Web.Domain.Ranking;

namespace ProductRoles.Tests.Domain;

/// <summary>Ranking refuses what would corrupt an order: keys that are no keys, gaps outside the list, bounds too close to re-spread in.</summary>
public sealed class RankGuardTests
{
    [Theory]
    [InlineData("b0")]
    [InlineData("a0V0")]
    [InlineData("")]
    public void An_upper_neighbour_that_is_no_rank_key_is_refused(string after) =>
        Assert.Throws<ArgumentException>(() => RankKey.Between(null, after));

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Placing_outside_the_list_is_refused(int gap) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RankNeighbourhood.Place(["a0", "a1"], gap));

    [Fact]
    public void Placing_needs_a_list()
    {
        Assert.Throws<ArgumentNullException>(() => RankNeighbourhood.Place(null!, 0));
        Assert.Throws<ArgumentNullException>(() => RankNeighbourhood.Window(null!, 0, 1));
    }

    [Fact]
    public void Bounds_too_close_to_give_short_keys_ask_for_a_wider_window_instead_of_long_keys()
    {
        // The outermost keys leave room only for keys longer than a re-spread may write.
        var lower = "a0" + new string('V', 23);
        var upper = "a0" + new string('V', 22) + "W";
        var nearBelow = lower + new string('0', 10) + "1";
        var nearAbove = lower + new string('0', 10) + "2";

        Assert.Null(RankNeighbourhood.TryPlace(new RankWindow([lower, nearBelow], [nearAbove, upper], false, false)));

        // Within the whole list there is nothing wider to read: the keys are spread all the same.
        var whole = RankNeighbourhood.TryPlace(new RankWindow([lower, nearBelow], [nearAbove, upper], true, true))!;
        var keys = whole.BelowKeys.Append(whole.Key).Concat(whole.AboveKeys).ToList();
        Assert.Equal(4 + 1, keys.Count);
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }
}
