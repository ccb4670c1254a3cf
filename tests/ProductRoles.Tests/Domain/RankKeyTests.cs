using ProductRoles.Web.Domain.Ranking;

namespace ProductRoles.Tests.Domain;

public sealed class RankKeyTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "V")]
    [InlineData("V", null)]
    [InlineData("A", "B")]
    [InlineData("A", "A1")]
    [InlineData("Az", "B")]
    [InlineData("0V", "1")]
    [InlineData("zzz", null)]
    [InlineData(null, "01")]
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
        Assert.Throws<ArgumentException>(() => RankKey.Between("B", "A"));
        Assert.Throws<ArgumentException>(() => RankKey.Between("B", "B"));
        Assert.Throws<ArgumentException>(() => RankKey.Between("A0", null));
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
        string? top = "V";
        for (var i = 0; i < 100; i++)
        {
            top = RankKey.Between(null, top);
        }

        Assert.InRange(top!.Length, 2, 25);
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
