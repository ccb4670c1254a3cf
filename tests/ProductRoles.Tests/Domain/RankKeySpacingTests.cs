using ProductRoles.Web.Domain.Ranking;

namespace ProductRoles.Tests.Domain;

/// <summary>What seeding and rebalancing promise: room for more moves between every pair of keys.</summary>
public sealed class RankKeySpacingTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(960)]
    [InlineData(961)] // exactly a quarter of the keys of two fraction digits
    [InlineData(962)]
    public void Spread_keys_leave_room_for_three_more_of_the_same_length_between_each_pair(int count)
    {
        var keys = RankKey.Spread(count);
        var longest = keys.Max(k => k.Length);
        for (var i = 1; i < keys.Count; i++)
        {
            var between = RankKey.SpreadBetween(keys[i - 1], keys[i], 3);
            Assert.All(between, k => Assert.True(k.Length <= longest, $"{k} between {keys[i - 1]} and {keys[i]} is longer than {longest}"));
        }
    }

    [Fact]
    public void A_refused_key_is_named_in_the_error()
    {
        var disordered = Assert.Throws<ArgumentException>(() => RankKey.Between("a1", "a0"));
        Assert.StartsWith("'a1' is not ordered before 'a0'.", disordered.Message, StringComparison.Ordinal);
        var invalid = Assert.Throws<ArgumentException>(() => RankKey.Between("a0V0", null));
        Assert.StartsWith("'a0V0' is not a rank key.", invalid.Message, StringComparison.Ordinal);
    }
}
