using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Stakeholders;

/// <summary>
/// Writes down a look at the product's home for "since your last visit". The home sends it only when
/// <see cref="SinceLastVisit.NeedsWrite"/> says so (at most once every few minutes), not on every load.
/// </summary>
[Requires(Permission.ViewPublishedRoadmap)]
public sealed record RecordProductVisit(string ProductSlug) : ICommand<Unit>, IProductRequest;

public sealed class RecordProductVisitHandler(AppDbContext db, ProductContext product, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordProductVisit, Unit>
{
    public async ValueTask<Unit> Handle(RecordProductVisit command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.UserId!;
        var visit = await db.ProductVisits.SingleOrDefaultAsync(v => v.UserId == userId, cancellationToken);
        if (visit is null)
        {
            db.ProductVisits.Add(ProductVisit.First(product.Id, userId, now));
        }
        else if (ProductVisit.NeedsWrite(visit, now))
        {
            visit.Seen(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
