using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Research;

/// <summary>The competitors view: each competitor's strengths, weaknesses and positioning.</summary>
[Requires(Permission.ViewStrategy)]
public sealed record GetCompetitors(string ProductSlug) : IQuery<CompetitorList>, IProductRequest;

public sealed record CompetitorList(IReadOnlyList<CompetitorView> Competitors)
{
    /// <summary>Whether the caller may change it (the permission table, for the caller's role).</summary>
    public bool CanEdit { get; init; }
}

public sealed record CompetitorView(int Id, string Name, string Strengths, string Weaknesses, string Positioning, int Version, int InsightCount);

public sealed class GetCompetitorsHandler(AppDbContext db, ProductContext product)
    : IQueryHandler<GetCompetitors, CompetitorList>
{
    public async ValueTask<CompetitorList> Handle(GetCompetitors query, CancellationToken cancellationToken)
    {
        var competitors = await db.Competitors.AsNoTracking().OrderBy(c => c.Name)
            .ToListAsync(cancellationToken);
        var competitorInsights = await db.Insights.AsNoTracking()
            .Where(i => i.Kind == InsightKind.Competitor).Select(i => i.Title + " " + i.Tags)
            .ToListAsync(cancellationToken);
        return new CompetitorList([.. competitors.Select(c => new CompetitorView(c.Id, c.Name, c.Strengths, c.Weaknesses, c.Positioning, c.Version,
            competitorInsights.Count(t => t.Contains(c.Name, StringComparison.OrdinalIgnoreCase))))])
        {
            CanEdit = product.Can(Permission.EditStrategy),
        };
    }
}
