using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace ProductRoles.BrowserTests.Infrastructure;

/// <summary>
/// How long an <c>Expect(…)</c> waits for the page to get there. Playwright's 5 s is too short for CI's
/// two shared cores, where a save, its redirect and the morph have taken longer (stop 23's CI run failed
/// on it). A longer wait does not weaken an assertion: what never happens still fails.
/// </summary>
internal static class ExpectTimeout
{
    public const float Milliseconds = 20_000;

    [ModuleInitializer]
    internal static void Apply() => Assertions.SetDefaultExpectTimeout(Milliseconds);
}
