using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Research;

/// <summary>Market research: insights filtered by kind and tag, searched by words, newest first.</summary>
[Requires(Permission.ViewStrategy)]
public sealed record GetInsights(string ProductSlug, InsightKind? Kind = null, string? Tag = null, string? Search = null, bool OpportunitiesOnly = false)
    : IQuery<InsightList>, IProductRequest;

public sealed record InsightList(IReadOnlyList<InsightView> Insights, IReadOnlyList<string> AllTags, int Total, int OpportunityCount)
{
    /// <summary>Whether the caller may change it (the permission table, for the caller's role).</summary>
    public bool CanEdit { get; init; }
}

public sealed record InsightView(
    int Id, InsightKind Kind, string Title, string Summary, string? Source, DateOnly ObservedOn, IReadOnlyList<string> Tags,
    bool IsOpportunity, int Version);

public sealed class GetInsightsHandler(AppDbContext db, ProductContext product) : IQueryHandler<GetInsights, InsightList>
{
    private const int MaxResults = 200;

    public async ValueTask<InsightList> Handle(GetInsights query, CancellationToken cancellationToken)
    {
        var all = db.Insights.AsNoTracking();
        var filtered = all;
        if (query.Kind is { } kind)
        {
            filtered = filtered.Where(i => i.Kind == kind);
        }

        if (query.OpportunitiesOnly)
        {
            filtered = filtered.Where(i => i.IsOpportunity);
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = $"%,{Escape(query.Tag.Trim().ToLowerInvariant())},%";
            filtered = filtered.Where(i => EF.Functions.Like(i.Tags, tag, "\\"));
        }

        foreach (var word in (query.Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8))
        {
            var pattern = $"%{Escape(word)}%";
            filtered = filtered.Where(i => EF.Functions.Like(i.Title, pattern, "\\") || EF.Functions.Like(i.Summary, pattern, "\\")
                || EF.Functions.Like(i.Source!, pattern, "\\") || EF.Functions.Like(i.Tags, pattern, "\\"));
        }

        var insights = await filtered.OrderByDescending(i => i.ObservedOn).ThenByDescending(i => i.Id).Take(MaxResults)
            .ToListAsync(cancellationToken);
        var tags = (await all.Select(i => i.Tags).ToListAsync(cancellationToken))
            .SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        return new InsightList(insights.Select(ToView).ToList(), tags,
            await all.CountAsync(cancellationToken), await all.CountAsync(i => i.IsOpportunity, cancellationToken))
        {
            CanEdit = product.Can(Permission.EditStrategy),
        };
    }

    public static InsightView ToView(Insight i) =>
        new(i.Id, i.Kind, i.Title, i.Summary, i.Source, i.ObservedOn, i.TagList, i.IsOpportunity, i.Version);

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
