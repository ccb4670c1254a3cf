using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Feedback;

/// <summary>One feedback item with the backlog items made from it.</summary>
[Requires(Permission.ViewCustomerFeedback)]
public sealed record GetFeedbackItem(string ProductSlug, int FeedbackId) : IQuery<FeedbackDetails>, IProductRequest;

public sealed record FeedbackDetails(
    int Id, FeedbackSourceKind SourceKind, string SourceName, string? Account, string Text, DateOnly ReceivedOn, string Tags,
    FeedbackStatus Status, int? DuplicateOfId, int Version, IReadOnlyList<LinkedBacklogItem> BacklogItems)
{
    /// <summary>Whether the caller may triage it.</summary>
    public bool CanTriage { get; init; }

    /// <summary>Whether the caller may turn it into backlog items.</summary>
    public bool CanCreate { get; init; }
}

public sealed record LinkedBacklogItem(int Id, BacklogItemType Type, string Title, BacklogItemStatus Status);

public sealed class GetFeedbackItemHandler(AppDbContext db, ProductContext product) : IQueryHandler<GetFeedbackItem, FeedbackDetails>
{
    public async ValueTask<FeedbackDetails> Handle(GetFeedbackItem query, CancellationToken cancellationToken)
    {
        var details = await db.FeedbackItems.AsNoTracking().Where(f => f.Id == query.FeedbackId)
            .Select(f => new FeedbackDetails(f.Id, f.SourceKind, f.SourceName, f.Account, f.Text, f.ReceivedOn, f.Tags, f.Status,
                f.DuplicateOfId, f.Version,
                f.BacklogLinks.OrderBy(l => l.BacklogItem!.Rank)
                    .Select(l => new LinkedBacklogItem(l.BacklogItem!.Id, l.BacklogItem.Type, l.BacklogItem.Title, l.BacklogItem.Status)).ToList()))
            .SingleOrNotFoundAsync(cancellationToken);
        return details with
        {
            CanTriage = product.Can(Permission.TriageCustomerFeedback),
            CanCreate = product.Can(Permission.CreateBacklogItems),
        };
    }
}

/// <summary>The badge colour of a feedback status on pages.</summary>
public static class FeedbackBadges
{
    public static string For(FeedbackStatus status) => status switch
    {
        FeedbackStatus.Accepted => "badge-ok",
        FeedbackStatus.Declined => "badge-bad",
        FeedbackStatus.Duplicate => "badge-warn",
        _ => "badge-stage",
    };
}
