using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace ProductRoles.BrowserTests.Sweeps;

/// <summary>
/// axe-core on every page, as every persona who may see it, against WCAG 2.0 and 2.1 A and AA: zero
/// violations allowed. One test per persona, so a failure names who saw what, with every violation at once.
/// </summary>
[Collection(SweepCollection.Name)]
public sealed class AccessibilitySweep(SweepApp sweep)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [SkippableTheory]
    [MemberData(nameof(SweepPages.Personas), MemberType = typeof(SweepPages))]
    public async Task Every_page_has_no_WCAG_21_AA_violation(string persona)
    {
        Skip.If(sweep.SkipReason is not null, sweep.SkipReason);

        var who = SweepPages.Persona(persona);
        var page = await sweep.NewPageAsync(who, 1280, 900);
        var found = new List<string>();
        try
        {
            foreach (var swept in SweepPages.For(who))
            {
                var url = await swept.Url(sweep);
                var response = await page.GotoAsync(url);
                var expected = swept.Template.StartsWith("/Error", StringComparison.Ordinal) ? 404 : 200;
                Assert.True(response?.Status == expected, $"{url} as {persona}: {response?.Status}, expected {expected}");
                var result = await page.RunAxe(Wcag21AA);
                found.AddRange(result.Violations.SelectMany(v => v.Nodes.Select(n =>
                    $"{swept.Template}: {v.Id} ({v.Impact}) {v.Help} at {n.Target} {n.Html}")));
            }
        }
        finally
        {
            await page.CloseAsync();
        }

        Assert.True(found.Count == 0, $"{found.Count} violations as {persona}:\n" + string.Join('\n', found));
    }
}
