using ProductRoles.Web.Domain.Ranking;

namespace ProductRoles.Tests.Domain;

public sealed class RankNeighbourhoodTests
{
    // Two neighbours whose gap leaves no short key: what hundreds of moves into one gap leave.
    private static readonly string Long1 = "a0V" + new string('0', 30) + "1";
    private static readonly string Long2 = "a0V" + new string('0', 30) + "2";

    [Fact]
    public void An_ordinary_gap_gets_the_key_between_its_neighbours_and_nothing_else_is_written()
    {
        var placement = RankNeighbourhood.TryPlace(new RankWindow(["a0U", "a0V"], ["a0X", "a0Y"], false, false))!;

        Assert.Equal(new RankPlacement("a0W", [], []), placement with { BelowKeys = [], AboveKeys = [] });
        Assert.Empty(placement.BelowKeys);
        Assert.Empty(placement.AboveKeys);
        Assert.False(placement.IsRespread);
        Assert.Equal(1, placement.RowsWritten);
    }

    [Fact]
    public void A_key_exactly_at_the_limit_is_still_written_as_is()
    {
        var below = "a0" + new string('V', RankKey.RespreadLength - 3);
        var above = "a0" + new string('V', RankKey.RespreadLength - 4) + "W";
        var placement = RankNeighbourhood.TryPlace(new RankWindow([below], [above], false, false))!;

        Assert.Equal(RankKey.RespreadLength, placement.Key.Length);
        Assert.False(placement.IsRespread);
    }

    [Fact]
    public void A_gap_with_no_short_key_and_only_its_two_neighbours_in_view_asks_for_a_wider_window()
    {
        Assert.Null(RankNeighbourhood.TryPlace(new RankWindow([Long1], [Long2], false, false)));
        Assert.Null(RankNeighbourhood.TryPlace(new RankWindow(["a0U", Long1], [Long2, "a0V" + new string('0', 30) + "3"], false, false)));
    }

    [Fact]
    public void A_wider_window_spreads_the_keys_inside_its_outermost_two_evenly()
    {
        var placement = RankNeighbourhood.TryPlace(new RankWindow(["a0U", Long1], [Long2, "a0X"], false, false))!;

        Assert.True(placement.IsRespread);
        Assert.Equal(3, placement.RowsWritten);
        var keys = placement.BelowKeys.Append(placement.Key).Concat(placement.AboveKeys).ToList();
        Assert.Equal(RankKey.SpreadBetween("a0U", "a0X", 3), keys);
        Assert.All(keys, k => Assert.True(k.Length <= RankNeighbourhood.SpreadLength, k));
    }

    [Fact]
    public void At_the_ends_of_the_list_the_outermost_keys_are_rewritten_too()
    {
        var atStart = RankNeighbourhood.TryPlace(new RankWindow([Long1], [Long2, "a0X"], true, false))!;
        Assert.Equal((1, 1), (atStart.BelowKeys.Count, atStart.AboveKeys.Count));
        Assert.Equal(RankKey.SpreadBetween(null, "a0X", 3), atStart.BelowKeys.Append(atStart.Key).Concat(atStart.AboveKeys));

        var atEnd = RankNeighbourhood.TryPlace(new RankWindow(["a0U", Long1], [Long2], false, true))!;
        Assert.Equal((1, 1), (atEnd.BelowKeys.Count, atEnd.AboveKeys.Count));
        Assert.Equal(RankKey.SpreadBetween("a0U", null, 3), atEnd.BelowKeys.Append(atEnd.Key).Concat(atEnd.AboveKeys));

        var whole = RankNeighbourhood.TryPlace(new RankWindow([Long1], [Long2], true, true))!;
        Assert.Equal(RankKey.SpreadBetween(null, null, 3), whole.BelowKeys.Append(whole.Key).Concat(whole.AboveKeys));
    }

    [Fact]
    public void No_new_key_equals_a_key_still_stored()
    {
        // a0V, a0W, a0WV: the moved item's old key sits exactly where the spread would put the new item.
        var plain = RankKey.SpreadBetween("a0U", "a0X", 3);
        var placement = RankNeighbourhood.TryPlace(new RankWindow(["a0U", Long1], [Long2, "a0X"], false, false), taken: plain[1])!;

        // One digit more would meet the next key, so it goes halfway to it.
        Assert.Equal(["a0V", "a0WG", "a0WV"], placement.BelowKeys.Append(placement.Key).Concat(placement.AboveKeys));

        // With room, one digit more does.
        var roomy = RankNeighbourhood.TryPlace(new RankWindow(["a0U", Long1], [Long2, "a0X"], false, false), taken: plain[0])!;
        Assert.Equal(["a0VV", "a0W", "a0WV"], roomy.BelowKeys.Append(roomy.Key).Concat(roomy.AboveKeys));

        // A neighbour's own old key is not reused either, nor is the next key passed when nudging.
        var neighbour = RankNeighbourhood.TryPlace(new RankWindow([plain[0]], [Long1, Long2, "a0X"], true, false), taken: Long1)!;
        var keys = neighbour.BelowKeys.Append(neighbour.Key).Concat(neighbour.AboveKeys).ToList();
        Assert.DoesNotContain(plain[0], keys);
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.True(string.CompareOrdinal(keys[^1], "a0X") < 0);
    }

    [Fact]
    public void A_window_is_the_gaps_neighbours_and_says_whether_it_reaches_an_end()
    {
        var list = RankKey.Spread(10);

        var middle = RankNeighbourhood.Window(list, 5, 1);
        Assert.Equal(list.Skip(3).Take(2), middle.Below);
        Assert.Equal(list.Skip(5).Take(2), middle.Above);
        Assert.False(middle.BelowIsStart || middle.AboveIsEnd);

        var top = RankNeighbourhood.Window(list, 0, 1);
        Assert.Empty(top.Below);
        Assert.True(top.BelowIsStart && !top.AboveIsEnd);

        var nearTop = RankNeighbourhood.Window(list, 2, 1);
        Assert.Equal(list.Take(2), nearTop.Below);
        Assert.True(nearTop.BelowIsStart);

        var bottom = RankNeighbourhood.Window(list, 10, 1);
        Assert.Empty(bottom.Above);
        Assert.True(bottom.AboveIsEnd && !bottom.BelowIsStart);

        var all = RankNeighbourhood.Window(list, 4, int.MaxValue - 1);
        Assert.Equal(list, all.Below.Concat(all.Above));
        Assert.True(all.BelowIsStart && all.AboveIsEnd);
    }

    [Fact]
    public void Placing_in_a_list_widens_the_window_until_the_keys_fit()
    {
        var list = RankKey.Spread(200).ToList();
        // Keys 90–110 all crowd one gap, so the nearest bounds with room are further out.
        var stem = RankKey.Between(list[89], list[90]) + new string('0', RankKey.RespreadLength);
        for (var i = 90; i <= 110; i++)
        {
            list[i] = stem + RankKey.Digits[i - 89];
        }

        list.Sort(StringComparer.Ordinal);
        var placement = RankNeighbourhood.Place(list, 100);

        Assert.True(placement.IsRespread);
        Assert.InRange(placement.BelowKeys.Count, 9, 64);
        Assert.All(placement.BelowKeys.Append(placement.Key).Concat(placement.AboveKeys), k => Assert.True(k.Length <= RankNeighbourhood.SpreadLength, k));
        Assert.Throws<ArgumentOutOfRangeException>(() => RankNeighbourhood.Place(list, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RankNeighbourhood.Place(list, list.Count + 1));
        Assert.Equal("a0", RankNeighbourhood.Place([], 0).Key);
    }
}
