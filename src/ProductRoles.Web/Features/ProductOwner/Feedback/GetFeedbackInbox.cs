using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Feedback;

/// <summary>The customer feedback inbox: newest first, filtered by status, source and text, a page at a time.</summary>
[Requires(Permission.ViewCustomerFeedback)]
public sealed record GetFeedbackInbox(string ProductSlug, FeedbackStatus? Status, FeedbackSourceKind? Source, string? Text, int Page = 1)
    : IQuery<FeedbackInbox>, IProductRequest;

public sealed record FeedbackInbox(IReadOnlyList<FeedbackRow> Items, int Page, int PageCount, int Total, IReadOnlyDictionary<FeedbackStatus, int> CountsByStatus)
{
    /// <summary>Whether the caller may record feedback.</summary>
    public bool CanAdd { get; init; }
}

public sealed record FeedbackRow(
    int Id, FeedbackSourceKind SourceKind, string SourceName, string? Account, string Text, DateOnly ReceivedOn, string Tags,
    FeedbackStatus Status, int BacklogItemCount);

public sealed class GetFeedbackInboxHandler(AppDbContext db, ProductContext product) : IQueryHandler<GetFeedbackInbox, FeedbackInbox>
{
    public const int PageSize = 25;

    public async ValueTask<FeedbackInbox> Handle(GetFeedbackInbox query, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var counts = await CountsByStatusAsync(db, productId, cancellationToken);

        // The rows are scoped by hand so that each row's link count is an index lookup, not a join
        // through the child filter to every feedback item of the product.
        var items = Filtered(db.FeedbackItems.AsNoTracking().IgnoreQueryFilters().Where(f => f.ProductId == productId), query.Status, query.Source, query.Text);
        var total = await TotalAsync(db, productId, counts, items, query.Status, query.Source, query.Text, cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await items.OrderByDescending(f => f.ReceivedOn).ThenByDescending(f => f.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(f => new FeedbackRow(f.Id, f.SourceKind, f.SourceName, f.Account, f.Text, f.ReceivedOn, f.Tags, f.Status, f.BacklogLinks.Count))
            .ToListAsync(cancellationToken);
        return new FeedbackInbox(rows, page, pageCount, total, counts) { CanAdd = product.Can(Permission.AddCustomerFeedback) };
    }

    /// <summary>The per-status counts from the product's counter rows (FeedbackTally), not a count of its feedback.</summary>
    public static async Task<IReadOnlyDictionary<FeedbackStatus, int>> CountsByStatusAsync(AppDbContext db, int productId, CancellationToken cancellationToken) =>
        (await db.FeedbackStatusCounts.AsNoTracking().IgnoreQueryFilters().Where(c => c.ProductId == productId && c.ItemCount > 0)
            .Select(c => new { c.Status, c.ItemCount }).ToListAsync(cancellationToken))
        .ToDictionary(c => c.Status, c => c.ItemCount);

    /// <summary>
    /// How many items the filter keeps: without a filter, or by status alone, from the counts (no scan of the
    /// product's feedback; read here unless the caller has them already); by source or text, counted.
    /// </summary>
    public static async Task<int> TotalAsync(
        AppDbContext db, int productId, IReadOnlyDictionary<FeedbackStatus, int>? counts, IQueryable<FeedbackItem> filtered,
        FeedbackStatus? status, FeedbackSourceKind? source, string? text, CancellationToken cancellationToken)
    {
        if (source is not null || !string.IsNullOrWhiteSpace(text))
        {
            return await filtered.CountAsync(cancellationToken);
        }

        counts ??= await CountsByStatusAsync(db, productId, cancellationToken);
        return status is { } only ? counts.GetValueOrDefault(only) : counts.Values.Sum();
    }

    /// <summary>The inbox's filters; the API's keyset list uses the same.</summary>
    public static IQueryable<FeedbackItem> Filtered(IQueryable<FeedbackItem> items, FeedbackStatus? status, FeedbackSourceKind? source, string? text)
    {
        if (status is { } wanted)
        {
            items = items.Where(f => f.Status == wanted);
        }

        if (source is { } kind)
        {
            items = items.Where(f => f.SourceKind == kind);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var trimmed = text.Trim();
            items = items.Where(f => f.Text.Contains(trimmed) || f.SourceName.Contains(trimmed) || (f.Account != null && f.Account.Contains(trimmed))
                                     || f.Tags.Contains(trimmed.ToLowerInvariant()));
        }

        return items;
    }
}
