using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Vision;

/// <summary>The product's vision board and the list of its saved revisions, newest first.</summary>
[Requires(Permission.ViewStrategy)]
public sealed record GetVision(string ProductSlug) : IQuery<VisionBoard>, IProductRequest;

public sealed record VisionBoard(
    int? Id, string Statement, string TargetGroup, string Needs, string ProductDetails, string BusinessGoals,
    DateTime? UpdatedAt, int Version, IReadOnlyList<VisionRevisionSummary> Revisions)
{
    /// <summary>Whether the caller may change it (the permission table, for the caller's role).</summary>
    public bool CanEdit { get; init; }
}

public sealed record VisionRevisionSummary(int Number, DateTime SavedAt, string SavedBy);

public sealed class GetVisionHandler(AppDbContext db, ProductContext product) : IQueryHandler<GetVision, VisionBoard>
{
    public async ValueTask<VisionBoard> Handle(GetVision query, CancellationToken cancellationToken)
    {
        var vision = await db.ProductVisions.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (vision is null)
        {
            return new VisionBoard(null, "", "", "", "", "", null, 0, []) { CanEdit = product.Can(Permission.EditStrategy) };
        }

        var revisions = await db.ProductVisionRevisions.AsNoTracking().Where(r => r.ProductVisionId == vision.Id)
            .OrderByDescending(r => r.Number).Select(r => new VisionRevisionSummary(r.Number, r.SavedAt, r.SavedBy))
            .ToListAsync(cancellationToken);
        return new VisionBoard(vision.Id, vision.Statement, vision.TargetGroup, vision.Needs, vision.ProductDetails,
            vision.BusinessGoals, vision.UpdatedAt, vision.Version, revisions) { CanEdit = product.Can(Permission.EditStrategy) };
    }
}
