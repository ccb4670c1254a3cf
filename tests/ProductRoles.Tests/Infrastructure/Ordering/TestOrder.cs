using System.Globalization;

namespace ProductRoles.Tests.Infrastructure.Ordering;

/// <summary>
/// The order the suite runs in. Unset, xunit's own deterministic order. With <c>TEST_ORDER_SEED</c>
/// set to an integer, collections, the classes in each collection and the tests in each class run in
/// an order shuffled by that seed: the same seed gives the same order, so a failure can be replayed.
/// </summary>
public static class TestOrder
{
    public const string SeedVariable = "TEST_ORDER_SEED";

    public static int? Seed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : null;

    /// <summary>Shuffles with a generator seeded by the seed and the group's name (string hashes differ per process).</summary>
    public static List<T> Shuffle<T>(IEnumerable<T> items, string group, int seed)
    {
        var list = items.ToList();
        var random = new Random(unchecked(seed * 31 + StableHash(group)));
        for (var n = list.Count - 1; n > 0; n--)
        {
            var k = random.Next(n + 1);
            (list[n], list[k]) = (list[k], list[n]);
        }

        return list;
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
