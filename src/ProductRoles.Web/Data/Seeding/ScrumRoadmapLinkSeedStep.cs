using Microsoft.EntityFrameworkCore;

namespace ProductRoles.Web.Data.Seeding;

/// <summary>
/// Runs after the roadmap is seeded: links items of the demo sprints' increments to the roadmap item
/// they advance (matched by a shared significant word), so the sprint review shows the chain
/// insight → roadmap item → story → sprint → increment. Only unlinked items are touched.
/// </summary>
public sealed class ScrumRoadmapLinkSeedStep : IDemoSeedStep
{
    public int Order => 130; // after the sprints (120) and the roadmap (100)

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var roadmap = await db.RoadmapItems.AsNoTracking().Where(r => r.ProductId == context.Product.Id)
            .OrderBy(r => r.Horizon).ThenBy(r => r.Rank).Select(r => new { r.Id, r.Title }).ToListAsync(cancellationToken);
        if (roadmap.Count == 0)
        {
            return;
        }

        var items = await db.SprintItems.Where(i => i.ProductId == context.Product.Id && i.BacklogItem!.RoadmapItemId == null)
            .Select(i => i.BacklogItem!).Distinct().ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            var words = Words(item.Title);
            // The item sharing the most words wins; on a tie the nearer horizon (ranks only order within one).
            var match = roadmap.Select(r => (r.Id, Shared: Words(r.Title).Count(words.Contains)))
                .Where(r => r.Shared > 0).OrderByDescending(r => r.Shared).Select(r => (int?)r.Id).FirstOrDefault();
            if (match is not null)
            {
                item.RoadmapItemId = match;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static HashSet<string> Words(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '-', '(', ')', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.TrimEnd('s'))
            .Where(w => w.Length >= 5)
            .ToHashSet(StringComparer.Ordinal);
}
