using ProductRoles.Web.Domain.Ranking;

namespace ProductRoles.Bench;

/// <summary>The sequences of moves that are hardest on rank keys.</summary>
public enum MovePattern
{
    AllTop,
    AllBottom,
    AllIntoOneGap,
    AllIntoOneGapFromAbove,
    AlternatingEnds,
    Random,
}

/// <summary>What a sequence left: the keys in list order beside the ids the moves meant to put there.</summary>
public sealed record MoveSequenceResult(
    IReadOnlyList<string> Keys, IReadOnlyList<int> IntendedOrder, int MaxLength, int Respreads, int MaxRowsWritten, double RowsWrittenP99);

/// <summary>
/// Moves items of an in-memory list exactly as the move commands place them
/// (<see cref="RankNeighbourhood.Place"/>: the key between the new neighbours, or a re-spread of the
/// neighbourhood), for the property tests and the benchmark alike.
/// </summary>
public static class AdversarialMoves
{
    /// <summary><paramref name="moves"/> moves of one pattern over a list whose size (2–2,001 items) and choices come from <paramref name="seed"/>.</summary>
    public static MoveSequenceResult Run(MovePattern pattern, int seed, int moves)
    {
        var random = new Random(seed);
        var count = 2 + random.Next(2000);
        var keys = RankKey.Spread(count).ToList();
        var ids = Enumerable.Range(0, count).ToList();
        var anchor = ids[count / 2];
        var oneGap = pattern is MovePattern.AllIntoOneGap or MovePattern.AllIntoOneGapFromAbove;
        var maxLength = keys.Max(k => k.Length);
        var respreads = 0;
        var maxRows = 0;
        for (var move = 0; move < moves; move++)
        {
            var from = random.Next(count);
            if (oneGap && ids[from] == anchor)
            {
                from = (from + 1) % count;
            }

            var id = ids[from];
            var oldKey = keys[from];
            ids.RemoveAt(from);
            keys.RemoveAt(from);
            var gap = pattern switch
            {
                MovePattern.AllTop => 0,
                MovePattern.AllBottom => count - 1,
                MovePattern.AllIntoOneGap => ids.IndexOf(anchor) + 1,
                MovePattern.AllIntoOneGapFromAbove => ids.IndexOf(anchor),
                MovePattern.AlternatingEnds => move % 2 == 0 ? 0 : count - 1,
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

        // Fewer than 1 % of moves re-spread, so the 99th percentile of rows written is 1; else more.
        var p99 = respreads * 100 <= moves ? 1 : maxRows;
        return new MoveSequenceResult(keys, ids, maxLength, respreads, maxRows, p99);
    }
}
