using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Features.Sharing;

/// <summary>
/// Counts a view of a share link the shared page has just found open. Every view adds one to the count;
/// only the link's first view of the day (UTC) writes a history row, so a link passed around a meeting
/// does not flood the product's history.
/// </summary>
public sealed record RecordShareLinkView(int LinkId) : ICommand<Unit>, IAnonymousRequest;

public sealed class RecordShareLinkViewHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<RecordShareLinkView, Unit>
{
    public const string ViewerName = "Someone with the link";

    public async ValueTask<Unit> Handle(RecordShareLinkView command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = now.Date;
        var links = db.ShareLinks.IgnoreQueryFilters().Where(l => l.Id == command.LinkId && l.RevokedAt == null);
        // Each statement is atomic: of two views at once, exactly one is the first of the day, and no count is lost.
        var firstToday = await links.Where(l => l.LastViewedAt == null || l.LastViewedAt < today)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ViewCount, l => l.ViewCount + 1).SetProperty(l => l.LastViewedAt, now), cancellationToken) == 1;
        if (!firstToday)
        {
            await links.ExecuteUpdateAsync(s => s.SetProperty(l => l.ViewCount, l => l.ViewCount + 1).SetProperty(l => l.LastViewedAt, now), cancellationToken);
            return Unit.Value;
        }

        var link = await links.AsNoTracking().Select(l => new { l.ProductId, l.Label }).SingleAsync(cancellationToken);
        db.Activities.Add(new Activity
        {
            ProductId = link.ProductId, OccurredAt = now, UserName = ViewerName, EntityType = "ShareLink",
            EntityId = command.LinkId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EntityLabel = $"Share link “{link.Label}”", Action = "Viewed", Note = "First view today; later views today are counted on the link.",
        });
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
