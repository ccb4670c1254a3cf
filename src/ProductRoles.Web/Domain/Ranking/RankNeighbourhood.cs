namespace ProductRoles.Web.Domain.Ranking;

/// <summary>
/// A gap in an ordered list of keys as a caller sees it: up to <c>radius + 1</c> keys on each side,
/// nearest the gap last in <see cref="Below"/> and first in <see cref="Above"/>.
/// </summary>
/// <param name="BelowIsStart">No key comes before <c>Below[0]</c> (or the list is empty below the gap).</param>
/// <param name="AboveIsEnd">No key comes after <c>Above[^1]</c> (or the list is empty above the gap).</param>
public sealed record RankWindow(IReadOnlyList<string> Below, IReadOnlyList<string> Above, bool BelowIsStart, bool AboveIsEnd);

/// <summary>
/// Where a key goes: <see cref="Key"/> for the placed item, and new keys for the last
/// <c>BelowKeys.Count</c> keys of the window's <see cref="RankWindow.Below"/> and the first
/// <c>AboveKeys.Count</c> of its <see cref="RankWindow.Above"/> (both empty for a plain move).
/// </summary>
public sealed record RankPlacement(string Key, IReadOnlyList<string> BelowKeys, IReadOnlyList<string> AboveKeys)
{
    public bool IsRespread => BelowKeys.Count + AboveKeys.Count > 0;

    public int RowsWritten => 1 + BelowKeys.Count + AboveKeys.Count;
}

/// <summary>
/// Places a key in a gap so that no key ever grows past <see cref="RankKey.RespreadLength"/>. The
/// usual move takes the key between its two neighbours. Only when that key would be too long (after
/// many moves into the same gap) are the keys of a small neighbourhood spread out evenly, the placed
/// one among them; the neighbourhood widens (<see cref="Radii"/>) until the keys bounding it leave room.
/// </summary>
public static class RankNeighbourhood
{
    /// <summary>How many keys on each side a caller reads, try after try; the last try is the whole list.</summary>
    public static readonly IReadOnlyList<int> Radii = [1, 8, 64, 512, 4096, int.MaxValue - 1];

    /// <summary>A re-spread is taken only when its keys are at most this long, so the gap has room again.</summary>
    public const int SpreadLength = RankKey.RespreadLength - 8;

    /// <summary>
    /// The placement in <paramref name="window"/>'s gap, or null when the window is too narrow to
    /// re-spread (read a wider one). <paramref name="taken"/>: a key that stays in use while the new
    /// keys are written (the moved item's old key), so no new key may equal it.
    /// </summary>
    public static RankPlacement? TryPlace(RankWindow window, string? taken = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        var before = window.Below.Count > 0 ? window.Below[^1] : null;
        var after = window.Above.Count > 0 ? window.Above[0] : null;
        var key = RankKey.Between(before, after);
        if (key.Length <= RankKey.RespreadLength)
        {
            return new RankPlacement(key, [], []);
        }

        // Rewrite every key of the window but the outermost ones, which bound it (unless an end is reached).
        var whole = window.BelowIsStart && window.AboveIsEnd;
        var lower = window.BelowIsStart || window.Below.Count == 0 ? null : window.Below[0];
        var upper = window.AboveIsEnd || window.Above.Count == 0 ? null : window.Above[^1];
        var belowCount = window.Below.Count - (lower is null ? 0 : 1);
        var aboveCount = window.Above.Count - (upper is null ? 0 : 1);
        var keys = RankKey.SpreadBetween(lower, upper, belowCount + 1 + aboveCount).ToArray();
        if (!whole && keys.Any(k => k.Length > SpreadLength))
        {
            return null;
        }

        AvoidKeysInUse(keys, upper, window, taken);
        if (!whole && keys.Any(k => k.Length > RankKey.RespreadLength))
        {
            return null;
        }

        return new RankPlacement(keys[belowCount], keys[..belowCount], keys[(belowCount + 1)..]);
    }

    /// <summary>
    /// The placement of a key at <paramref name="gap"/> (0 = before the first) in a whole ordered list
    /// held in memory: the same tries a database caller makes, each window cut from the list.
    /// </summary>
    public static RankPlacement Place(IReadOnlyList<string> ordered, int gap, string? taken = null)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(gap, ordered.Count);
        foreach (var radius in Radii)
        {
            var placement = TryPlace(Window(ordered, gap, radius), taken);
            if (placement is not null)
            {
                return placement;
            }
        }

        throw new InvalidOperationException("The whole list always has room.");
    }

    /// <summary>The window of <paramref name="radius"/> keys (plus a bounding one) on each side of a gap.</summary>
    public static RankWindow Window(IReadOnlyList<string> ordered, int gap, int radius)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var start = Math.Max(0, gap - radius - 1);
        var end = (int)Math.Min(ordered.Count, (long)gap + radius + 1);
        return new RankWindow(Slice(ordered, start, gap), Slice(ordered, gap, end), start == 0, end == ordered.Count);
    }

    // A new key equal to a key still stored (the moved item's old one, or a neighbour's not yet
    // rewritten) would break the unique index mid-write; nudge it up within its own part of the gap,
    // by one more digit where that stays below the next key.
    private static void AvoidKeysInUse(string[] keys, string? upper, RankWindow window, string? taken)
    {
        var inUse = new HashSet<string>(window.Below, StringComparer.Ordinal);
        inUse.UnionWith(window.Above);
        if (taken is not null)
        {
            inUse.Add(taken);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            var next = i + 1 < keys.Length ? keys[i + 1] : upper;
            while (inUse.Contains(keys[i]))
            {
                var longer = keys[i] + "V";
                keys[i] = next is null || string.CompareOrdinal(longer, next) < 0 ? longer : RankKey.Between(keys[i], next);
            }
        }
    }

    private static List<string> Slice(IReadOnlyList<string> ordered, int from, int to)
    {
        var slice = new List<string>(to - from);
        for (var i = from; i < to; i++)
        {
            slice.Add(ordered[i]);
        }

        return slice;
    }
}
