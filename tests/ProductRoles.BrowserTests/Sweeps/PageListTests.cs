namespace ProductRoles.BrowserTests.Sweeps;

[Collection(SweepCollection.Name)]
public sealed class PageListTests(SweepApp sweep)
{
    [SkippableFact]
    public void The_sweeps_visit_every_page_the_app_serves()
    {
        Skip.If(sweep.SkipReason is not null, sweep.SkipReason);

        var swept = SweepPages.All.Select(p => p.Template).Concat(SweepPages.NotPages.Keys).ToHashSet(StringComparer.Ordinal);
        var missing = SweepPages.ServedPageTemplates(sweep.App.Factory.Services).Where(t => !swept.Contains(t)).ToList();

        Assert.True(missing.Count == 0, "Pages the sweeps do not visit (add an access row, or a reason to SweepPages.NotPages): " + string.Join(", ", missing));
        Assert.All(SweepPages.All, p => Assert.NotEmpty(p.Allowed));
    }
}
