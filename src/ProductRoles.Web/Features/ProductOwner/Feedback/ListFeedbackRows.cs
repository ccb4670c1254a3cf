using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Feedback;

/// <summary>Where a feedback page starts: after the item received on this day with this id (newest first).</summary>
public sealed record FeedbackKey(DateOnly ReceivedOn, int Id);

/// <summary>The feedback inbox, newest first and filtered as on the inbox page, a keyset page at a time.</summary>
[Requires(Permission.ViewCustomerFeedback)]
public sealed record ListFeedbackRows(
    string ProductSlug, FeedbackStatus? Status, FeedbackSourceKind? Source, string? Text, FeedbackKey? After, int PageSize = 25)
    : IQuery<KeysetPage<FeedbackRow>>, IProductRequest;

public sealed class ListFeedbackRowsHandler(AppDbContext db, ProductContext product) : IQueryHandler<ListFeedbackRows, KeysetPage<FeedbackRow>>
{
    public async ValueTask<KeysetPage<FeedbackRow>> Handle(ListFeedbackRows query, CancellationToken cancellationToken)
    {
        var items = GetFeedbackInboxHandler.Filtered(db.FeedbackItems.AsNoTracking(), query.Status, query.Source, query.Text);
        // The total as the inbox has it: from the product's counter rows unless the filter is by source or text.
        var total = await GetFeedbackInboxHandler.TotalAsync(db, product.Id, counts: null, items, query.Status, query.Source, query.Text, cancellationToken);
        if (query.After is { } after)
        {
            items = items.Where(f => f.ReceivedOn < after.ReceivedOn || (f.ReceivedOn == after.ReceivedOn && f.Id < after.Id));
        }

        var rows = await items.OrderByDescending(f => f.ReceivedOn).ThenByDescending(f => f.Id).Take(query.PageSize + 1)
            .Select(f => new FeedbackRow(f.Id, f.SourceKind, f.SourceName, f.Account, f.Text, f.ReceivedOn, f.Tags, f.Status, f.BacklogLinks.Count))
            .ToListAsync(cancellationToken);
        return new KeysetPage<FeedbackRow>(rows.Take(query.PageSize).ToList(), rows.Count > query.PageSize, total);
    }
}
