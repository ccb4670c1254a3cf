using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

using ProductRoles.Web.Features.ProductManager.Delivery;

namespace ProductRoles.Web.Features.ProductManager.Goals;

/// <summary>One goal with its key results, and the company goals it could serve.</summary>
[Requires(Permission.ViewStrategy)]
public sealed record GetGoal(string ProductSlug, int GoalId) : IQuery<GoalDetail>, IProductRequest;

public sealed record GoalDetail(GoalView Goal, IReadOnlyList<GoalOption> CompanyGoals)
{
    /// <summary>Whether the caller may change it (the permission table, for the caller's role).</summary>
    public bool CanEdit { get; init; }

    /// <summary>Whether the caller may read its history.</summary>
    public bool CanSeeHistory { get; init; }

    /// <summary>The roadmap items that serve it, with their delivery progress.</summary>
    public IReadOnlyList<DeliveredRoadmapItem> RoadmapItems { get; init; } = [];
}

public sealed class GetGoalHandler(AppDbContext db, ProductContext product, TimeProvider clock) : IQueryHandler<GetGoal, GoalDetail>
{
    public async ValueTask<GoalDetail> Handle(GetGoal query, CancellationToken cancellationToken)
    {
        var goal = (await GoalQueries.Load(db, GoalQueries.Today(clock), null, cancellationToken, query.GoalId)).SingleOrDefault()
            ?? throw new NotFoundException();
        var companyGoals = await db.Goals.AsNoTracking()
            .Where(g => g.Level == GoalLevel.Company && !g.IsArchived && g.Id != query.GoalId)
            .OrderBy(g => g.Title).Select(g => new GoalOption(g.Id, g.Title)).ToListAsync(cancellationToken);
        var serving = db.RoadmapItemGoals.Where(l => l.GoalId == query.GoalId).Select(l => l.RoadmapItemId);
        var roadmapItems = await DeliveryQueries.DeliveredAsync(db, db.RoadmapItems.Where(i => serving.Contains(i.Id)), cancellationToken);
        return new GoalDetail(goal, companyGoals)
        {
            RoadmapItems = roadmapItems,
            CanEdit = product.Can(Permission.EditStrategy), CanSeeHistory = product.Can(Permission.ViewHistory),
        };
    }
}
