namespace ProductRoles.Tests.Security.HostileInput;

/// <summary>What kind of value a form field takes, read from its HTML element.</summary>
public enum FieldClass
{
    Text,
    Number,
    Date,
    Choice,
    Checkbox,

    /// <summary>A hidden field: an id, a version, a return address... its type is unknown, so it gets every kind.</summary>
    Hidden,
}

/// <param name="Category">What the value tries (reported on failure).</param>
/// <param name="Value">The value as the app should see it after decoding.</param>
/// <param name="Raw">When set, the exact url-encoded bytes to send instead (e.g. a lone surrogate, which no .NET string can carry).</param>
/// <param name="Readable">False when no number, date or checkbox can read it: such a field must refuse it, not drop it silently.</param>
public sealed record HostileValue(string Category, string Value, string? Raw = null, bool Readable = false)
{
    public override string ToString() => Category;
}

/// <summary>The hostile values, each category sent to every field, plus the ones that fit the field's type.</summary>
public static class HostileValues
{
    /// <summary>Markers that must never reach a page unencoded.</summary>
    public const string ScriptMarker = "<script>hostileWalk()</script>";
    public const string ImageMarker = "<img src=x onerror=hostileWalk()>";
    public const string MarkdownMarker = "[x](javascript:hostileWalk())";

    public static readonly HostileValue[] Everywhere =
    [
        new("script injection", ScriptMarker),
        new("markup injection", "\"'>" + ImageMarker),
        new("Markdown link injection", MarkdownMarker + " and <a href=\"javascript:hostileWalk()\">y</a>"),
        new("100,000 characters", new string('x', 100_000)),
        new("NUL byte", "a\0b"),
        new("control characters", "a\u0001\u0008\u001b[31mb\u007f\u0085"),
        new("RTL override", "abc\u202Etxt.exe"),
        new("lone surrogate", "a?b", Raw: "a%ED%A0%80b"),
    ];

    private static readonly HostileValue[] Numbers =
    [
        new("wrong type", "twelve"),
        new("fraction", "1.5", Readable: true),
        new("int overflow", "2147483648", Readable: true),
        new("negative", "-2147483648", Readable: true),
        new("huge number", "1e309", Readable: true),
        new("not a number", "NaN", Readable: true),
    ];

    private static readonly HostileValue[] Dates =
    [
        new("wrong type", "yesterday"),
        new("first date", "0001-01-01", Readable: true),
        new("last date", "9999-12-31", Readable: true),
        new("impossible date", "2026-02-30", Readable: true),
    ];

    private static readonly HostileValue[] Choices =
    [
        new("unknown enum name", "NoSuchValue", Readable: true),
        new("unknown enum number", "99", Readable: true),
        new("empty choice", "", Readable: true),
    ];

    private static readonly HostileValue[] Checkboxes = [new("checkbox not a boolean", "maybe")];

    public static IEnumerable<HostileValue> For(FieldClass field) => Everywhere.Concat(field switch
    {
        FieldClass.Number => Numbers,
        FieldClass.Date => Dates,
        FieldClass.Choice => Choices,
        FieldClass.Checkbox => Checkboxes,
        FieldClass.Hidden => [Numbers[0], Numbers[2], Choices[0], .. Checkboxes],
        _ => [],
    });
}
