using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>Backlog checks shared by the item forms. The order itself is <see cref="Data.Ranking.BacklogOrder"/>.</summary>
public static class BacklogRanking
{
    /// <summary>Refuses a roadmap item that is not one of this product's.</summary>
    public static async Task EnsureRoadmapItemAsync(AppDbContext db, int productId, int? roadmapItemId, string property, CancellationToken cancellationToken)
    {
        if (roadmapItemId is { } id && !await db.RoadmapItems.AnyAsync(r => r.Id == id && r.ProductId == productId, cancellationToken))
        {
            throw Infrastructure.Pipeline.RequestValidationException.For(property, $"There is no roadmap item #{id} in this product.");
        }
    }
}
