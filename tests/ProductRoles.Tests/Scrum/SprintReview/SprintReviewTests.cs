using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Tests.Scrum;

[Collection(AppCollection.Name)]
public sealed partial class SprintReviewTests(AppFixture app)
{
    [GeneratedRegex(@"(\d+) of (\d+) points done · (\d+) returned")]
    private static partial Regex Totals();

    [GeneratedRegex(@"(\d+) pts?\b")]
    private static partial Regex Points();

    private static int PointsOf(string text) => int.Parse(Points().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_closed_demo_sprint_review_lists_an_increment_and_not_done_items_that_add_up_to_its_numbers()
    {
        var sprints = await app.QueryAsync(db => db.Sprints.Where(s => s.Product!.Slug == AppFixture.DemoSlug && s.State == SprintState.Closed)
            .OrderBy(s => s.StartDate).Select(s => new { s.Id, s.Name }).ToListAsync());
        Assert.NotEmpty(sprints);
        var client = await app.SharedClientAsync(AppFixture.Po);

        foreach (var sprint in sprints)
        {
            var page = await client.GetPageAsync($"/p/{AppFixture.DemoSlug}/sprints/{sprint.Id}/review");
            var totals = Totals().Match(page.Text(".page-head"));
            Assert.True(totals.Success, $"{sprint.Name}: no totals at the top");
            var (done, committed, returned) = (int.Parse(totals.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(totals.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(totals.Groups[3].Value, CultureInfo.InvariantCulture));

            var increment = page.QuerySelectorAll(".increment-list > li").ToList();
            var notDone = page.QuerySelectorAll("section[aria-labelledby=not-done-heading] li").ToList();
            Assert.True(increment.Count > 0, $"{sprint.Name}: {done} points done but no increment");
            Assert.Equal(done, increment.Sum(li => PointsOf(li.QuerySelector("div")!.TextContent)));
            Assert.Equal(returned, notDone.Sum(li => PointsOf(li.TextContent)));
            Assert.Equal(committed, done + returned);
            Assert.All(increment, li => Assert.Contains("Definition of Done v", li.TextContent, StringComparison.Ordinal));
            Assert.All(increment, li => Assert.DoesNotContain("No Definition of Done record", li.TextContent, StringComparison.Ordinal));
            if (returned == 0)
            {
                Assert.Contains("Everything planned was done.", page.Text("section[aria-labelledby=not-done-heading]"), StringComparison.Ordinal);
            }
        }
    }
}
