using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Ranking;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>Where an item stands in the whole backlog (1 = the top): the page a redirect returns to after a quick add.</summary>
[Requires(Permission.ViewBacklog)]
public sealed record GetBacklogPosition(string ProductSlug, int ItemId) : IQuery<int>, IProductRequest;

public sealed class GetBacklogPositionHandler(AppDbContext db, ProductContext product) : IQueryHandler<GetBacklogPosition, int>
{
    public async ValueTask<int> Handle(GetBacklogPosition query, CancellationToken cancellationToken)
    {
        var rank = await db.BacklogItems.AsNoTracking().Where(i => i.Id == query.ItemId).Select(i => i.Rank).FirstOrDefaultAsync(cancellationToken)
                   ?? throw new NotFoundException();
        return await BacklogOrder.PositionOfAsync(db, product.Id, rank, cancellationToken);
    }
}
