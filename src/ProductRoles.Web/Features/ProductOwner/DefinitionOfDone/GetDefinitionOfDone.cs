using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.DefinitionOfDone;

/// <summary>The product's Definition of Done: the current version's criteria and the earlier versions.</summary>
[Requires(Permission.ViewBacklog)]
public sealed record GetDefinitionOfDone(string ProductSlug) : IQuery<DefinitionOfDoneView>, IProductRequest;

public sealed record DefinitionOfDoneView(DoDVersionView? Current, IReadOnlyList<DoDVersionView> Earlier)
{
    /// <summary>Whether the caller may change it (the permission table, for the caller's role).</summary>
    public bool CanEdit { get; init; }
}

public sealed record DoDVersionView(int Id, int Number, DateTime CreatedAt, string CreatedBy, IReadOnlyList<string> Criteria);

public sealed class GetDefinitionOfDoneHandler(AppDbContext db, ProductContext product)
    : IQueryHandler<GetDefinitionOfDone, DefinitionOfDoneView>
{
    public async ValueTask<DefinitionOfDoneView> Handle(GetDefinitionOfDone query, CancellationToken cancellationToken)
    {
        var versions = await db.DefinitionOfDoneVersions.AsNoTracking()
            .OrderByDescending(v => v.Number).Take(20)
            .Select(v => new DoDVersionView(v.Id, v.Number, v.CreatedAt, v.CreatedBy,
                v.Criteria.OrderBy(c => c.Position).Select(c => c.Text).ToList()))
            .ToListAsync(cancellationToken);
        return new DefinitionOfDoneView(versions.FirstOrDefault(), versions.Skip(1).ToList())
        {
            CanEdit = product.Can(Permission.EditDefinitionOfDone),
        };
    }
}
