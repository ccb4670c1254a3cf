using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ProductRoles.BrowserTests.Sweeps;

/// <summary>
/// Every page on a phone (390×844 CSS px), as every persona who may see it: nothing makes the page scroll
/// sideways, every tap target is at least 24×24 px or spaced as WCAG 2.5.8 allows (axe's <c>target-size</c>
/// rule, which knows that exception and the one for links inside a sentence), and whatever scrolls inside the
/// page can be reached by keyboard. With SWEEP_SHOTS=/some/folder each page is also saved as a screenshot there.
/// </summary>
[Collection(SweepCollection.Name)]
public sealed class PhoneSweep(SweepApp sweep)
{
    public const int Width = 390;
    public const int Height = 844;

    private static readonly AxeRunOptions PhoneRules = new()
    {
        RunOnly = new RunOnlyOptions { Type = "rule", Values = ["target-size", "scrollable-region-focusable"] },
    };

    [SkippableTheory]
    [MemberData(nameof(SweepPages.Personas), MemberType = typeof(SweepPages))]
    public async Task Every_page_fits_a_phone_with_targets_big_enough_to_tap(string persona)
    {
        Skip.If(sweep.SkipReason is not null, sweep.SkipReason);

        var who = SweepPages.Persona(persona);
        var shots = Environment.GetEnvironmentVariable("SWEEP_SHOTS");
        var page = await sweep.NewPageAsync(who, Width, Height);
        var found = new List<string>();
        try
        {
            foreach (var swept in SweepPages.For(who))
            {
                var url = await swept.Url(sweep);
                try
                {
                    await CheckAsync(page, url, swept.Template, persona, shots, found);
                }
                catch (TimeoutException e)
                {
                    found.Add($"{swept.Template}: {url} timed out: {e.Message}");
                }
            }
        }
        finally
        {
            await page.CloseAsync();
        }

        Assert.True(found.Count == 0, $"{found.Count} problems on a phone as {persona}:\n" + string.Join('\n', found));
    }

    private static async Task CheckAsync(IPage page, string url, string template, string persona, string? shots, List<string> found)
    {
        await page.GotoAsync(url);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] > widths[1])
        {
            found.Add($"{template}: the page is {widths[0]} px wide on a {widths[1]} px screen; widest: {await WidestAsync(page, widths[1])}");
        }

        var result = await page.RunAxe(PhoneRules);
        found.AddRange(result.Violations.SelectMany(v => v.Nodes.Select(n => $"{template}: {v.Id} at {n.Target} {n.Html}")));
        if (!string.IsNullOrEmpty(shots))
        {
            Directory.CreateDirectory(shots);
            var name = $"{persona}-{string.Concat(template.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')).Trim('_')}.png";
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, name), FullPage = true });
        }
    }

    /// <summary>The elements that reach past the screen's right edge, so a failure says what to fix.</summary>
    private static Task<string> WidestAsync(IPage page, int width) => page.EvaluateAsync<string>(
        """
        width => [...document.querySelectorAll("body *")]
            .filter(e => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).position !== "fixed")
            .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 1)
            .slice(0, 5)
            .map(e => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : ""} (${Math.round(e.getBoundingClientRect().right)} px)`)
            .join(", ")
        """, width);
}
