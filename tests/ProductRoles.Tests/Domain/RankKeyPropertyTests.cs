using FsCheck.Xunit;
using ProductRoles.Bench;
using ProductRoles.Web.Domain.Ranking;

namespace ProductRoles.Tests.Domain;

/// <summary>
/// Adversarial sequences of 100,000 moves on the pure ranking rules, as a move command makes them
/// (<see cref="RankNeighbourhood.Place"/>: the key between the new neighbours, or a re-spread of
/// the neighbourhood; <see cref="AdversarialMoves"/>, which the benchmark reports on too). FsCheck picks the list's size and the moves' random choices; after each
/// sequence every key is valid and unique, the order is exactly the one the moves asked for, and no
/// key ever written was longer than <see cref="RankKey.RespreadLength"/>.
/// </summary>
public sealed class RankKeyPropertyTests
{
    private const int Moves = 100_000;
    private const int Runs = 2;

    [Property(MaxTest = Runs)]
    public void Moving_to_the_top_again_and_again_keeps_every_key_short_and_the_order_exact(int seed) =>
        Holds(Run(MovePattern.AllTop, seed));

    [Property(MaxTest = Runs)]
    public void Moving_to_the_bottom_again_and_again_keeps_every_key_short_and_the_order_exact(int seed) =>
        Holds(Run(MovePattern.AllBottom, seed));

    [Property(MaxTest = Runs)]
    public void Moving_into_one_gap_again_and_again_keeps_every_key_short_and_the_order_exact(int seed, bool fromAbove) =>
        Holds(Run(fromAbove ? MovePattern.AllIntoOneGapFromAbove : MovePattern.AllIntoOneGap, seed));

    [Property(MaxTest = Runs)]
    public void Moving_to_alternating_ends_keeps_every_key_short_and_the_order_exact(int seed) =>
        Holds(Run(MovePattern.AlternatingEnds, seed));

    [Property(MaxTest = Runs)]
    public void Moving_at_random_keeps_every_key_short_and_the_order_exact(int seed) =>
        Holds(Run(MovePattern.Random, seed));

    [Fact]
    public void Only_moves_into_one_gap_ever_re_spread_and_then_a_bounded_neighbourhood()
    {
        Assert.Equal(0, Run(MovePattern.AllTop, 1).Respreads);
        Assert.Equal(0, Run(MovePattern.AlternatingEnds, 1).Respreads);
        Assert.Equal(0, Run(MovePattern.Random, 1).Respreads);
        var gap = Run(MovePattern.AllIntoOneGap, 1);
        Assert.InRange(gap.Respreads, 1, Moves / 20);
        Assert.True(gap.Holds);
    }

    [Fact]
    public void Prepending_and_appending_100000_new_keys_keeps_them_logarithmic()
    {
        string? top = null;
        string? bottom = null;
        for (var i = 0; i < Moves; i++)
        {
            top = RankKey.Between(null, top);
            bottom = RankKey.Between(bottom, null);
        }

        // 62 one-digit integers, 62² two-digit ones, then three digits: head + 3.
        Assert.Equal(4, top!.Length);
        Assert.Equal(4, bottom!.Length);
        Assert.True(RankKey.IsValid(top) && RankKey.IsValid(bottom));
    }

    private static void Holds(Outcome outcome) => Assert.True(outcome.Holds, outcome.Why);

    public sealed record Outcome(bool Holds, int Respreads, string Why);

    private static Outcome Run(MovePattern pattern, int seed)
    {
        var result = AdversarialMoves.Run(pattern, seed, Moves);
        var why = Check(result.Keys, result.IntendedOrder, result.MaxLength);
        return new Outcome(why is null, result.Respreads, why ?? "");
    }

    // The keys list runs parallel to the intended order of ids, so strictly increasing keys mean the
    // database's ORDER BY Rank gives exactly the intended order.
    private static string? Check(IReadOnlyList<string> keys, IReadOnlyList<int> ids, int maxLength)
    {
        if (ids.Count != keys.Count || ids.Distinct().Count() != ids.Count || ids.Min() != 0 || ids.Max() != ids.Count - 1)
        {
            return "items were lost or doubled";
        }

        if (keys.FirstOrDefault(k => !RankKey.IsValid(k)) is { } invalid)
        {
            return $"'{invalid}' is not a rank key";
        }

        for (var i = 1; i < keys.Count; i++)
        {
            if (string.CompareOrdinal(keys[i - 1], keys[i]) >= 0)
            {
                return $"'{keys[i - 1]}' is not before '{keys[i]}' at {i}";
            }
        }

        return maxLength > RankKey.RespreadLength ? $"a key of {maxLength} characters was written" : null;
    }
}
