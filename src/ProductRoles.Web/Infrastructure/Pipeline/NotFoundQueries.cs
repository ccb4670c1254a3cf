using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace ProductRoles.Web.Infrastructure.Pipeline;

/// <summary>
/// Lookups that answer 404 when the row is missing. In a product request a row of another product is
/// invisible (the data layer's product filter), so it is "not found" too and its existence does not leak.
/// </summary>
public static class NotFoundQueries
{
    public static async Task<T> SingleOrNotFoundAsync<T>(
        this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken) =>
        await source.SingleOrDefaultAsync(predicate, cancellationToken) ?? throw new NotFoundException();

    public static async Task<T> SingleOrNotFoundAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken) =>
        await source.SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();

    public static async Task<T> FirstOrNotFoundAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken) =>
        await source.FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();

    public static async Task EnsureExistsAsync<T>(
        this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken)
    {
        if (!await source.AnyAsync(predicate, cancellationToken))
        {
            throw new NotFoundException();
        }
    }
}
