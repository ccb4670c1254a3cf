using FsCheck.Xunit;
using ProductRoles.Web.Domain.Ranking;

namespace ProductRoles.Tests.Domain;

/// <summary>
/// Adversarial sequences of 100,000 moves on the pure ranking rules, as a move command makes them
/// (<see cref="RankNeighbourhood.Place"/>: the key between the new neighbours, or a re-spread of
/// the neighbourhood). FsCheck picks the list's size and the moves' random choices; after each
/// sequence every key is valid and unique, the order is exactly the one the moves asked for, and no
/// key ever written was longer than <see cref="RankKey.RespreadLength"/>.
/// </summary>
public sealed class RankKeyPropertyTests
{
    private const int Moves = 100_000;
    private const int Runs = 2;

    public enum Pattern
    {
        AllTop,
        AllBottom,
        AllIntoOneGap,
        AllIntoOneGapFromAbove,
        AlternatingEnds,
        Random,
    }

    [Property(MaxTest = Runs)]
    public void Moving_to_the_top_again_and_again_keeps_every_key_short_and_the_order_exact(int seed) =>
        Holds(Run(Pattern.AllTop, seed));

    [Property(MaxTest = Runs)]
    public void Moving_to_the_bottom_again_and_again_keeps_every_key_short_and_the_order_exact(int seed) =>
        Holds(Run(Pattern.AllBottom, seed));

    [Property(MaxTest = Runs)]
    public void Moving_into_one_gap_again_and_again_keeps_every_key_short_and_the_order_exact(int seed, bool fromAbove) =>
        Holds(Run(fromAbove ? Pattern.AllIntoOneGapFromAbove : Pattern.AllIntoOneGap, seed));

    [Property(MaxTest = Runs)]
    public void Moving_to_alternating_ends_keeps_every_key_short_and_the_order_exact(int seed) =>
        Holds(Run(Pattern.AlternatingEnds, seed));

    [Property(MaxTest = Runs)]
    public void Moving_at_random_keeps_every_key_short_and_the_order_exact(int seed) =>
        Holds(Run(Pattern.Random, seed));

    [Fact]
    public void Only_moves_into_one_gap_ever_re_spread_and_then_a_bounded_neighbourhood()
    {
        Assert.Equal(0, Run(Pattern.AllTop, 1).Respreads);
        Assert.Equal(0, Run(Pattern.AlternatingEnds, 1).Respreads);
        Assert.Equal(0, Run(Pattern.Random, 1).Respreads);
        var gap = Run(Pattern.AllIntoOneGap, 1);
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

    public sealed record Outcome(bool Holds, int MaxLength, int Respreads, int MaxRowsWritten, string Why);

    /// <summary>Runs <see cref="Moves"/> moves of one pattern over a list FsCheck's seed sizes (2–2,001 items).</summary>
    public static Outcome Run(Pattern pattern, int seed, int moves = Moves)
    {
        var random = new Random(seed);
        var count = 2 + random.Next(2000);
        var keys = RankKey.Spread(count).ToList();
        var ids = Enumerable.Range(0, count).ToList();
        var anchor = ids[count / 2];
        var maxLength = keys.Max(k => k.Length);
        var respreads = 0;
        var maxRows = 0;
        for (var move = 0; move < moves; move++)
        {
            var from = random.Next(count);
            if (pattern is Pattern.AllIntoOneGap or Pattern.AllIntoOneGapFromAbove && ids[from] == anchor)
            {
                from = (from + 1) % count;
            }

            var id = ids[from];
            var oldKey = keys[from];
            ids.RemoveAt(from);
            keys.RemoveAt(from);
            var gap = pattern switch
            {
                Pattern.AllTop => 0,
                Pattern.AllBottom => count - 1,
                Pattern.AllIntoOneGap => ids.IndexOf(anchor) + 1,
                Pattern.AllIntoOneGapFromAbove => ids.IndexOf(anchor),
                Pattern.AlternatingEnds => move % 2 == 0 ? 0 : count - 1,
                _ => random.Next(count),
            };

            var placement = RankNeighbourhood.Place(keys, gap, oldKey);
            for (var i = 0; i < placement.BelowKeys.Count; i++)
            {
                keys[gap - placement.BelowKeys.Count + i] = placement.BelowKeys[i];
            }

            for (var i = 0; i < placement.AboveKeys.Count; i++)
            {
                keys[gap + i] = placement.AboveKeys[i];
            }

            keys.Insert(gap, placement.Key);
            ids.Insert(gap, id);
            maxLength = Math.Max(maxLength, placement.BelowKeys.Concat(placement.AboveKeys).Append(placement.Key).Max(k => k.Length));
            maxRows = Math.Max(maxRows, placement.RowsWritten);
            respreads += placement.IsRespread ? 1 : 0;
        }

        var why = Check(keys, ids, count, maxLength);
        return new Outcome(why is null, maxLength, respreads, maxRows, why ?? "");
    }

    // The keys list runs parallel to the intended order of ids, so strictly increasing keys mean the
    // database's ORDER BY Rank gives exactly the intended order.
    private static string? Check(List<string> keys, List<int> ids, int count, int maxLength)
    {
        if (ids.Count != count || ids.Distinct().Count() != count)
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
