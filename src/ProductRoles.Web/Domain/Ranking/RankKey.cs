namespace ProductRoles.Web.Domain.Ranking;

/// <summary>
/// Fractional rank keys: base-62 strings ('0'-'9', 'A'-'Z', 'a'-'z') compared ordinally, read as the
/// digits of a fraction between 0 and 1. A key can always be made between two others, so moving an
/// item rewrites only that item's key — never the rest of the list. Keys never end in '0', which
/// keeps "strictly between" possible for every pair.
/// </summary>
public static class RankKey
{
    public const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public const int Base = 62;

    /// <summary>Keys longer than this are worth rebalancing; far below any column limit.</summary>
    public const int RebalanceLength = 24;

    public const int MaxLength = 200;

    /// <summary>A key ordered after <paramref name="before"/> and before <paramref name="after"/> (null = open end).</summary>
    public static string Between(string? before, string? after)
    {
        if (before is not null)
        {
            EnsureValid(before);
        }

        if (after is not null)
        {
            EnsureValid(after);
        }

        if (before is not null && after is not null && string.CompareOrdinal(before, after) >= 0)
        {
            throw new ArgumentException($"'{before}' is not ordered before '{after}'.");
        }

        return Midpoint(before ?? string.Empty, after);
    }

    /// <summary><paramref name="count"/> evenly spaced keys in order, all of the same small length (for seeding and rebalancing).</summary>
    public static IReadOnlyList<string> Spread(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var length = 1;
        double capacity = Base;
        while (capacity <= count * 4.0)
        {
            length++;
            capacity *= Base;
        }

        var keys = new List<string>(count);
        var step = capacity / (count + 1);
        for (var i = 1; i <= count; i++)
        {
            keys.Add(ToKey((long)Math.Floor(step * i), length));
        }

        return keys;
    }

    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= MaxLength && key[^1] != '0' && key.All(c => Digits.Contains(c, StringComparison.Ordinal));

    private static void EnsureValid(string key)
    {
        if (!IsValid(key))
        {
            throw new ArgumentException($"'{key}' is not a rank key.", nameof(key));
        }
    }

    // a < b as fractions; b == null means 1. Greenspan's midpoint for fractional indexing.
    private static string Midpoint(string a, string? b)
    {
        if (b is not null)
        {
            var shared = 0;
            while (shared < b.Length && (shared < a.Length ? a[shared] : '0') == b[shared])
            {
                shared++;
            }

            if (shared > 0)
            {
                return string.Concat(b.AsSpan(0, shared), Midpoint(shared < a.Length ? a[shared..] : string.Empty, b[shared..]));
            }
        }

        var digitA = a.Length > 0 ? Digits.IndexOf(a[0], StringComparison.Ordinal) : 0;
        var digitB = b is not null ? Digits.IndexOf(b[0], StringComparison.Ordinal) : Base;
        if (digitB - digitA > 1)
        {
            return Digits[(digitA + digitB + 1) / 2].ToString();
        }

        // Neighbouring first digits: b's first digit alone fits when b goes on; else extend a.
        if (b is not null && b.Length > 1)
        {
            return b[..1];
        }

        return Digits[digitA] + Midpoint(a.Length > 0 ? a[1..] : string.Empty, null);
    }

    private static string ToKey(long value, int length)
    {
        var chars = new char[length];
        for (var i = length - 1; i >= 0; i--)
        {
            chars[i] = Digits[(int)(value % Base)];
            value /= Base;
        }

        return new string(chars).TrimEnd('0');
    }
}
