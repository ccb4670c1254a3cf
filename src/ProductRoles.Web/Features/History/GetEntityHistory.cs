using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.History;

/// <summary>The history of one entity (a product, a backlog item, …) for its own page.</summary>
[Requires(Permission.ViewHistory)]
public sealed record GetEntityHistory(string ProductSlug, string EntityType, string EntityId)
    : IQuery<IReadOnlyList<HistoryEntry>>, IProductRequest
{
    /// <summary>The history of the <typeparamref name="TEntity"/> with this id, named as the history names it.</summary>
    public static GetEntityHistory Of<TEntity>(string productSlug, int id) =>
        new(productSlug, typeof(TEntity).Name, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class GetEntityHistoryHandler(AppDbContext db)
    : IQueryHandler<GetEntityHistory, IReadOnlyList<HistoryEntry>>
{
    public async ValueTask<IReadOnlyList<HistoryEntry>> Handle(GetEntityHistory query, CancellationToken cancellationToken) =>
        await HistoryQueries.ForEntity(db, query.EntityType, query.EntityId)
            .Take(200).ToListAsync(cancellationToken);
}
