using System.Text;

namespace ProductRoles.Bench;

/// <summary>
/// Deterministic, realistic-looking text in the product's own vocabulary (the article the product
/// grew from), so that row sizes and HTML encoding work look like real data.
/// </summary>
public sealed class TextGenerator(int seed)
{
    private static readonly string[] Words =
    [
        "product", "owner", "manager", "backlog", "sprint", "review", "roadmap", "vision", "goal", "market",
        "customer", "feedback", "stakeholder", "increment", "release", "checkout", "payment", "wallet", "refund",
        "merchant", "order", "cart", "saved", "card", "instant", "mobile", "page", "faster", "conversion",
        "retention", "onboarding", "research", "persona", "story", "acceptance", "criteria", "done", "team",
        "developers", "value", "risk", "estimate", "priority", "strategy", "growth", "launch", "users", "report",
        "export", "search", "filter", "email", "receipt", "invoice", "tax", "currency", "address", "shipping",
        "discount", "coupon", "loyalty", "points", "subscription", "trial", "plan", "error", "timeout", "retry",
        "latency", "dashboard", "chart", "audit", "history", "permission", "role", "login", "session", "security",
    ];

    private static readonly string[] Tags =
    [
        "checkout", "payments", "mobile", "ux", "performance", "security", "refunds", "wallets", "tax",
        "onboarding", "api", "reporting", "accessibility", "i18n", "fraud", "email",
    ];

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public int Next(int min, int max) => _random.Next(min, max);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public bool Chance(double p) => _random.NextDouble() < p;

    /// <summary>Words joined by spaces, between min and max characters, first letter upper-case.</summary>
    public string Sentence(int minLength, int maxLength)
    {
        var target = _random.Next(minLength, maxLength + 1);
        var text = new StringBuilder(target + 16);
        while (text.Length < target)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(Pick(Words));
        }

        var result = text.ToString(0, Math.Min(text.Length, maxLength)).TrimEnd();
        return char.ToUpperInvariant(result[0]) + result[1..];
    }

    /// <summary>A few Markdown paragraphs with a list and a link, like a real item description.</summary>
    public string Markdown(int minLength, int maxLength)
    {
        var target = _random.Next(minLength, maxLength + 1);
        var text = new StringBuilder(target + 200);
        while (text.Length < target)
        {
            text.Append(Sentence(60, 200)).Append(".\n\n");
            if (Chance(0.4))
            {
                text.Append("- ").Append(Sentence(15, 60)).Append("\n- ").Append(Sentence(15, 60)).Append("\n\n");
            }

            if (Chance(0.3))
            {
                text.Append("See [the research notes](https://example.com/research/").Append(_random.Next(1000, 9999)).Append(").\n\n");
            }
        }

        return text.ToString(0, Math.Min(text.Length, maxLength)).TrimEnd();
    }

    public IReadOnlyList<string> TagSet(int min, int max) =>
        Enumerable.Range(0, _random.Next(min, max + 1)).Select(_ => Pick(Tags)).Distinct(StringComparer.Ordinal).ToList();
}
