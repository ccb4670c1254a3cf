using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Home;

/// <summary>
/// A panel of the product home page. The home page shows the panels in the order
/// <see cref="HomePanels.For"/> gives for the product's lifecycle stage; other areas add their own kinds
/// (e.g. customer feedback) and slot them into that order.
/// </summary>
public enum HomePanelKind
{
    Vision,
    Goals,
    Roadmap,
    RoadmapFeedback,
    MarketResearch,
    ShippedRecently,
    PublishedRoadmap,

    /// <summary>The sprint under way (Scrum area, see GetCurrentSprint).</summary>
    CurrentSprint,
}

public static class HomePanels
{
    /// <summary>
    /// Before launch the product manager leads with vision, goals and roadmap; after launch with
    /// customer feedback, market research and what shipped recently. The Scrum team leads with the
    /// current sprint. Only panels the caller may see.
    /// </summary>
    public static IReadOnlyList<HomePanelKind> For(LifecycleStage stage, ProductAccess access)
    {
        if (!access.Can(Permission.ViewStrategy))
        {
            return access.Can(Permission.ViewPublishedRoadmap) && access.Role is not null ? [HomePanelKind.PublishedRoadmap] : [];
        }

        List<HomePanelKind> panels = stage.IsBeforeLaunch()
            ? [HomePanelKind.Vision, HomePanelKind.Goals, HomePanelKind.Roadmap, HomePanelKind.RoadmapFeedback, HomePanelKind.MarketResearch, HomePanelKind.ShippedRecently]
            : [HomePanelKind.MarketResearch, HomePanelKind.ShippedRecently, HomePanelKind.RoadmapFeedback, HomePanelKind.Roadmap, HomePanelKind.Goals, HomePanelKind.Vision];
        if (!access.Can(Permission.ResolveRoadmapFeedback))
        {
            panels.Remove(HomePanelKind.RoadmapFeedback);
        }

        if (access.Can(Permission.ViewSprints))
        {
            // Those who work the sprint lead with it; the product manager finds it after the roadmap's
            // Now items, which the sprint delivers.
            panels.Insert(access.Can(Permission.MoveSprintCards) ? 0 : panels.IndexOf(HomePanelKind.Roadmap) + 1, HomePanelKind.CurrentSprint);
        }

        return panels;
    }
}

public sealed record StrategyHighlights(
    string? VisionStatement,
    IReadOnlyList<GoalProgress> Goals,
    IReadOnlyList<HighlightItem> NowItems,
    int OpenFeedback,
    IReadOnlyList<HighlightInsight> RecentInsights,
    int OpportunityCount,
    IReadOnlyList<HighlightItem> ShippedRecently,
    DateTime? PublishedAt)
{
    public static readonly StrategyHighlights Empty = new(null, [], [], 0, [], 0, [], null);
}

public sealed record GoalProgress(int Id, string Title, int Progress);

public sealed record HighlightItem(int Id, string Title, string? TargetQuarter, RoadmapItemStatus Status, int OpenFeedback, DateTime UpdatedAt);

public sealed record HighlightInsight(int Id, InsightKind Kind, string Title, DateOnly ObservedOn, bool IsOpportunity);

public static class StrategyHighlightsQuery
{
    private const int ShippedWithinDays = 120;

    public static async Task<StrategyHighlights> LoadAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var vision = await db.ProductVisions.AsNoTracking().Select(v => v.Statement)
            .SingleOrDefaultAsync(cancellationToken);
        var goals = (await db.Goals.AsNoTracking().Where(g => !g.IsArchived && g.Level == GoalLevel.Product)
                .OrderBy(g => g.Id)
                .Select(g => new { g.Id, g.Title, KeyResults = g.KeyResults.Select(k => new { k.Baseline, k.Target, k.Current }).ToList() })
                .Take(5).ToListAsync(cancellationToken))
            .Select(g => new GoalProgress(g.Id, g.Title,
                Goal.AverageProgress(g.KeyResults.Select(k => KeyResult.ProgressPercent(k.Baseline, k.Target, k.Current)))))
            .ToList();
        var items = await db.RoadmapItems.AsNoTracking()
            .Select(i => new
            {
                i.Id, i.Title, i.TargetQuarter, i.Status, i.Horizon, i.Rank, i.UpdatedAt,
                OpenFeedback = db.RoadmapFeedback.Count(f => f.RoadmapItemId == i.Id && f.Status == RoadmapFeedbackStatus.Open),
            })
            .ToListAsync(cancellationToken);
        var now5 = items.Where(i => i.Horizon == RoadmapHorizon.Now && i.Status is not (RoadmapItemStatus.Done or RoadmapItemStatus.Dropped))
            .OrderBy(i => i.Rank, StringComparer.Ordinal).Take(5)
            .Select(i => new HighlightItem(i.Id, i.Title, i.TargetQuarter, i.Status, i.OpenFeedback, i.UpdatedAt)).ToList();
        var shipped = items.Where(i => i.Status == RoadmapItemStatus.Done && i.UpdatedAt >= now.AddDays(-ShippedWithinDays))
            .OrderByDescending(i => i.UpdatedAt).Take(5)
            .Select(i => new HighlightItem(i.Id, i.Title, i.TargetQuarter, i.Status, i.OpenFeedback, i.UpdatedAt)).ToList();
        var insights = await db.Insights.AsNoTracking()
            .OrderByDescending(i => i.ObservedOn).ThenByDescending(i => i.Id).Take(5)
            .Select(i => new HighlightInsight(i.Id, i.Kind, i.Title, i.ObservedOn, i.IsOpportunity)).ToListAsync(cancellationToken);
        var opportunities = await db.Insights.CountAsync(i => i.IsOpportunity, cancellationToken);
        var published = await db.PublishedRoadmaps.AsNoTracking()
            .OrderByDescending(p => p.PublishedAt).Select(p => (DateTime?)p.PublishedAt).FirstOrDefaultAsync(cancellationToken);
        return new StrategyHighlights(vision, goals, now5, items.Sum(i => i.OpenFeedback), insights, opportunities, shipped, published);
    }
}
