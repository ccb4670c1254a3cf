using ProductRoles.Web.Domain.Ranking;

namespace ProductRoles.Tests.Domain;

public sealed class RankKeyTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "a0V")]
    [InlineData("a0V", null)]
    [InlineData("a0A", "a0B")]
    [InlineData("a0A", "a0A1")]
    [InlineData("a0Az", "a0B")]
    [InlineData("a00V", "a01")]
    [InlineData("a0zzz", null)]
    [InlineData(null, "a001")]
    [InlineData("Zz", "a0")]
    [InlineData("a0", "a1")]
    [InlineData("az", null)]
    [InlineData(null, "Z0")]
    [InlineData("Zz", "b00")]
    [InlineData("Y00", "Y01")]
    [InlineData("a5", "a51")]
    public void Between_gives_a_valid_key_strictly_between_its_neighbours(string? before, string? after)
    {
        var key = RankKey.Between(before, after);
        Assert.True(RankKey.IsValid(key), key);
        if (before is not null)
        {
            Assert.True(string.CompareOrdinal(before, key) < 0, $"{before} < {key}");
        }

        if (after is not null)
        {
            Assert.True(string.CompareOrdinal(key, after) < 0, $"{key} < {after}");
        }
    }

    [Fact]
    public void Between_refuses_neighbours_in_the_wrong_order()
    {
        Assert.Throws<ArgumentException>(() => RankKey.Between("a1", "a0"));
        Assert.Throws<ArgumentException>(() => RankKey.Between("a0V", "a0V"));
        Assert.Throws<ArgumentException>(() => RankKey.Between("a0V0", null));
    }

    [Fact]
    public void Random_moves_keep_the_order_and_the_keys_short()
    {
        var random = new Random(42);
        var list = RankKey.Spread(1000).ToList();
        for (var move = 0; move < 10_000; move++)
        {
            var from = random.Next(list.Count);
            list.RemoveAt(from);
            var to = random.Next(list.Count + 1);
            list.Insert(to, RankKey.Between(to > 0 ? list[to - 1] : null, to < list.Count ? list[to] : null));
        }

        for (var i = 1; i < list.Count; i++)
        {
            Assert.True(string.CompareOrdinal(list[i - 1], list[i]) < 0, $"{list[i - 1]} < {list[i]} at {i}");
        }

        Assert.True(list.Max(k => k.Length) <= 32, $"longest key {list.Max(k => k.Length)}");
    }

    [Fact]
    public void Moving_to_the_top_again_and_again_grows_keys_slowly()
    {
        string? top = "a0V";
        for (var i = 0; i < 100; i++)
        {
            top = RankKey.Between(null, top);
        }

        Assert.InRange(top!.Length, 2, 3);
    }

    [Fact]
    public void Spread_gives_ordered_unique_keys()
    {
        var keys = RankKey.Spread(10_000);
        Assert.Equal(10_000, keys.Distinct().Count());
        Assert.All(keys, k => Assert.True(RankKey.IsValid(k), k));
        for (var i = 1; i < keys.Count; i++)
        {
            Assert.True(string.CompareOrdinal(keys[i - 1], keys[i]) < 0);
        }
    }
}

public sealed class RankKeyFormatTests
{
    [Theory]
    [InlineData("a0")]
    [InlineData("a0V")]
    [InlineData("Zz")]
    [InlineData("b00")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("A00000000000000000000000001")]
    [InlineData("A000000000000000000000000001")]
    public void Keys_with_an_integer_of_the_length_their_head_says_and_no_trailing_zero_after_it_are_valid(string key) =>
        Assert.True(RankKey.IsValid(key));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("b0")]
    [InlineData("a0V0")]
    [InlineData("a10")]
    [InlineData("a0-")]
    [InlineData("0a")]
    [InlineData("~a0")]
    [InlineData("a0é")]
    [InlineData("A00000000000000000000000000")] // the smallest integer: nothing could go before it
    public void Anything_else_is_no_rank_key(string? key) => Assert.False(RankKey.IsValid(key));

    [Fact]
    public void A_key_longer_than_the_column_is_no_rank_key()
    {
        Assert.True(RankKey.IsValid("a0" + new string('V', RankKey.MaxLength - 2)));
        Assert.False(RankKey.IsValid("a0" + new string('V', RankKey.MaxLength - 1)));
    }

    [Fact]
    public void The_first_key_of_an_empty_list_is_zero_and_the_ends_step_the_integer()
    {
        Assert.Equal("a0", RankKey.Between(null, null));
        Assert.Equal("a1", RankKey.Between("a0", null));
        Assert.Equal("Zz", RankKey.Between(null, "a0"));
        Assert.Equal("a0", RankKey.Between(null, "a0V"));
        Assert.Equal("b00", RankKey.Between("az", null));
        Assert.Equal("az", RankKey.Between(null, "b00"));
        Assert.Equal("Yzz", RankKey.Between(null, "Z0"));
        Assert.Equal("Z0", RankKey.Between("Yzz", null));
        Assert.Equal("a0", RankKey.Between("Zz", null));
        Assert.Equal("a1", RankKey.Between("a0V", "a2"));
        Assert.Equal("a0V", RankKey.Between("a0", "a1"));
    }

    [Fact]
    public void The_largest_and_the_smallest_integers_go_on_in_their_fractions()
    {
        var largest = "z" + new string('z', 26);
        Assert.Equal(largest + "V", RankKey.Between(largest, null));
        var smallest = "A" + new string('0', 26);
        Assert.Equal(smallest + "V", RankKey.Between(null, smallest + "z"));
        Assert.Equal(smallest + "0V", RankKey.Between(null, smallest + "1"));
        Assert.Equal(smallest + "V", RankKey.Between(null, "A" + new string('0', 25) + "1"));
    }

    [Fact]
    public void Spread_between_two_keys_gives_count_short_ordered_keys_inside_the_gap()
    {
        var keys = RankKey.SpreadBetween("a0V", "a0W", 100);
        Assert.Equal(100, keys.Distinct().Count());
        Assert.All(keys, k => Assert.True(RankKey.IsValid(k) && k.Length <= 5, k));
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.True(string.CompareOrdinal("a0V", keys[0]) < 0 && string.CompareOrdinal(keys[^1], "a0W") < 0);
        Assert.Empty(RankKey.SpreadBetween(null, null, 0));
        Assert.Equal(["a0"], RankKey.SpreadBetween(null, null, 1));
    }

    [Fact]
    public void Spread_gives_keys_of_zero_with_an_even_fraction()
    {
        Assert.Equal(["a0V"], RankKey.Spread(1));
        Assert.Equal(["a0K", "a0f"], RankKey.Spread(2));
        Assert.Empty(RankKey.Spread(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RankKey.Spread(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RankKey.SpreadBetween(null, null, -1));
        Assert.All(RankKey.Spread(15), k => Assert.Equal(3, k.Length));
        Assert.All(RankKey.Spread(16), k => Assert.InRange(k.Length, 3, 4));
    }
}
