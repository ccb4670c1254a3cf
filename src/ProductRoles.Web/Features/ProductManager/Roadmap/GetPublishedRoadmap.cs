using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Roadmap;

/// <summary>The latest published roadmap, read-only, for everyone in the product including stakeholders.</summary>
[Requires(Permission.ViewPublishedRoadmap)]
public sealed record GetPublishedRoadmap(string ProductSlug) : IQuery<PublishedRoadmapView?>, IProductRequest;

public sealed record PublishedRoadmapView(DateTime PublishedAt, string PublishedBy, string? Note, IReadOnlyList<PublishedColumn> Columns);

public sealed record PublishedColumn(RoadmapHorizon Horizon, IReadOnlyList<PublishedCard> Items);

public sealed record PublishedCard(string Title, string Outcome, string? TargetQuarter, RoadmapItemStatus Status);

public sealed class GetPublishedRoadmapHandler(AppDbContext db)
    : IQueryHandler<GetPublishedRoadmap, PublishedRoadmapView?>
{
    public async ValueTask<PublishedRoadmapView?> Handle(GetPublishedRoadmap query, CancellationToken cancellationToken)
    {
        var latest = await db.PublishedRoadmaps.AsNoTracking()
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return null;
        }

        var items = await db.PublishedRoadmapItems.AsNoTracking().Where(i => i.PublishedRoadmapId == latest.Id)
            .OrderBy(i => i.Position).ToListAsync(cancellationToken);
        var columns = Enum.GetValues<RoadmapHorizon>()
            .Select(h => new PublishedColumn(h, items.Where(i => i.Horizon == h)
                .Select(i => new PublishedCard(i.Title, i.Outcome, i.TargetQuarter, i.Status)).ToList()))
            .ToList();
        return new PublishedRoadmapView(latest.PublishedAt, latest.PublishedBy, latest.Note, columns);
    }
}
