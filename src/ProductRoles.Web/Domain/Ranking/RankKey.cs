namespace ProductRoles.Web.Domain.Ranking;

/// <summary>
/// Rank keys in the <c>fractional-indexing</c> scheme, base 62 ('0'-'9', 'A'-'Z', 'a'-'z'), compared
/// ordinally. A key is an integer part followed by a fractional part:
/// <list type="bullet">
/// <item>the integer part's head says how many digits follow it: 'a' one, 'b' two … 'z' 26 for the
/// non-negative integers; 'Z' one, 'Y' two … 'A' 26 for the negative ones. "a0" is zero;</item>
/// <item>the fractional part (possibly empty) never ends in '0', so a key can always be made between
/// two others.</item>
/// </list>
/// A key before the first or after the last steps the integer by one, and the integer grows by one
/// digit only every 62ⁿ steps: moving to the top or the bottom keeps keys logarithmic in the number
/// of moves. Only moving again and again into the same gap lengthens the fraction; callers re-spread
/// the neighbourhood then (<see cref="RankNeighbourhood"/>).
/// </summary>
public static class RankKey
{
    public const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public const int Base = 62;

    /// <summary>The database column's size; no key comes anywhere near it.</summary>
    public const int MaxLength = 200;

    /// <summary>No key longer than this is ever written: a move that would need one re-spreads its neighbourhood instead.</summary>
    public const int RespreadLength = 32;

    /// <summary>Keys longer than this are worth rebalancing in the background.</summary>
    public const int RebalanceLength = 24;

    /// <summary>The integer zero: the key of the first item in an empty list.</summary>
    public const string Zero = "a0";

    // The smallest integer cannot be stepped below, so it is no key on its own.
    private static readonly string Smallest = "A" + new string('0', 26);

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
            throw new ArgumentException($"'{before}' is not ordered before '{after}'.", nameof(after));
        }

        if (before is null)
        {
            return after is null ? Zero : Before(after);
        }

        return after is null ? After(before) : Inside(before, after);
    }

    /// <summary><paramref name="count"/> evenly spaced keys in order, all of the same small length (for seeding and rebalancing).</summary>
    public static IReadOnlyList<string> Spread(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        // Fractions of zero ("a0" + digits), as many digits as leave room for three more between each pair.
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
            keys.Add(Zero + Fraction((long)Math.Floor(step * i), length));
        }

        return keys;
    }

    /// <summary>
    /// <paramref name="count"/> keys in order strictly between <paramref name="before"/> and
    /// <paramref name="after"/> (null = open end), as short as the gap allows: each is the midpoint
    /// of its part of the gap.
    /// </summary>
    public static IReadOnlyList<string> SpreadBetween(string? before, string? after, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var keys = new List<string>(count);
        Bisect(before, after, count, keys);
        return keys;
    }

    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength || key == Smallest || !key.All(IsDigit))
        {
            return false;
        }

        var integerLength = IntegerLength(key[0]);
        return integerLength > 0 && integerLength <= key.Length && (integerLength == key.Length || key[^1] != '0');
    }

    private static void Bisect(string? before, string? after, int count, List<string> into)
    {
        if (count == 0)
        {
            return;
        }

        var middle = Between(before, after);
        var below = (count - 1) / 2;
        Bisect(before, middle, below, into);
        into.Add(middle);
        Bisect(middle, after, count - 1 - below, into);
    }

    private static string Before(string after)
    {
        var integer = IntegerPart(after);
        if (integer == Smallest)
        {
            return integer + Midpoint(string.Empty, after[integer.Length..]);
        }

        // "a0V" has a fraction: its integer alone sorts before it.
        if (integer.Length < after.Length)
        {
            return integer;
        }

        // The smallest integer is no key alone, but it goes on in its fraction.
        var lower = Decrement(integer);
        return lower == Smallest ? lower + Midpoint(string.Empty, null) : lower;
    }

    private static string After(string before)
    {
        var integer = IntegerPart(before);
        return Increment(integer) ?? integer + Midpoint(before[integer.Length..], null);
    }

    private static string Inside(string before, string after)
    {
        var integerBefore = IntegerPart(before);
        var integerAfter = IntegerPart(after);
        if (integerBefore == integerAfter)
        {
            return integerBefore + Midpoint(before[integerBefore.Length..], after[integerAfter.Length..]);
        }

        // Different integers: the next integer fits when it is still below the upper key.
        var next = Increment(integerBefore);
        return next is not null && string.CompareOrdinal(next, after) < 0
            ? next
            : integerBefore + Midpoint(before[integerBefore.Length..], null);
    }

    // a < b as fractions (digits after the point, no trailing '0'); b == null means 1.
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

        var digitA = a.Length > 0 ? DigitOf(a[0]) : 0;
        var digitB = b is not null ? DigitOf(b[0]) : Base;
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

    private static string? Increment(string integer)
    {
        var digits = integer.ToCharArray(1, integer.Length - 1);
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = DigitOf(digits[i]) + 1;
            if (digit < Base)
            {
                digits[i] = Digits[digit];
                return integer[0] + new string(digits);
            }

            digits[i] = '0';
        }

        // Every digit carried over: the head changes, and with it the number of digits.
        return integer[0] switch
        {
            'Z' => Zero,
            'z' => null,
            // Negative heads count down in length towards 'Z', positive heads up from 'a'.
            < 'Z' => (char)(integer[0] + 1) + new string('0', digits.Length - 1),
            _ => (char)(integer[0] + 1) + new string('0', digits.Length + 1),
        };
    }

    // Never called with the smallest integer, so a head 'A' never borrows past its last digit.
    private static string Decrement(string integer)
    {
        var digits = integer.ToCharArray(1, integer.Length - 1);
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = DigitOf(digits[i]) - 1;
            if (digit >= 0)
            {
                digits[i] = Digits[digit];
                return integer[0] + new string(digits);
            }

            digits[i] = 'z';
        }

        return integer[0] switch
        {
            'a' => "Zz",
            > 'a' => (char)(integer[0] - 1) + new string('z', digits.Length - 1),
            _ => (char)(integer[0] - 1) + new string('z', digits.Length + 1),
        };
    }

    private static string IntegerPart(string key) => key[..IntegerLength(key[0])];

    // Digits after the head plus the head itself; 0 for a head that is no letter.
    private static int IntegerLength(char head) => head switch
    {
        >= 'a' and <= 'z' => head - 'a' + 2,
        >= 'A' and <= 'Z' => 'Z' - head + 2,
        _ => 0,
    };

    private static bool IsDigit(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z');

    private static int DigitOf(char c) => Digits.IndexOf(c, StringComparison.Ordinal);

    private static void EnsureValid(string key)
    {
        if (!IsValid(key))
        {
            throw new ArgumentException($"'{key}' is not a rank key.", nameof(key));
        }
    }

    private static string Fraction(long value, int length)
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
