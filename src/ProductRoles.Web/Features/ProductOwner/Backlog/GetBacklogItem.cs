using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Ranking;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>Everything about one backlog item for its page.</summary>
[Requires(Permission.ViewBacklog)]
public sealed record GetBacklogItem(string ProductSlug, int ItemId) : IQuery<BacklogItemDetails>, IProductRequest;

public sealed record BacklogItemDetails(
    int Id, BacklogItemType Type, string Title, string? AsA, string? IWant, string? SoThat, string? Description, int? Estimate,
    BacklogItemStatus Status, int Position, int Total, int? RoadmapItemId, IReadOnlyList<string> Tags,
    IReadOnlyList<CriterionView> AcceptanceCriteria, IReadOnlyList<LinkedFeedback> SourceFeedback,
    RoadmapLink? Roadmap, DoneRecordView? DoneRecord, IReadOnlyList<CommentView> Comments, IReadOnlyList<MentionableMember> Members,
    DateTime CreatedAt, DateTime UpdatedAt, int Version)
{
    /// <summary>Whether the caller may edit the item.</summary>
    public bool CanEdit { get; init; }

    /// <summary>Whether the caller may move it in the backlog.</summary>
    public bool CanOrder { get; init; }

    /// <summary>Whether the caller may comment on it.</summary>
    public bool CanComment { get; init; }

    /// <summary>Whether the caller may read its history.</summary>
    public bool CanSeeHistory { get; init; }

    /// <summary>The key the item was imported with (e.g. ACME-123), if any.</summary>
    public string? ExternalKey { get; init; }
}

/// <summary>The roadmap item a backlog item serves, with the market insights behind it.</summary>
public sealed record RoadmapLink(int Id, string Title, RoadmapItemStatus Status, IReadOnlyList<InsightLink> Insights);

public sealed record InsightLink(int Id, string Title, InsightKind Kind);

public sealed record CriterionView(int Id, string Text, bool IsMet);

public sealed record LinkedFeedback(int Id, FeedbackSourceKind SourceKind, string SourceName, string? Account, string Text, FeedbackStatus Status);

public sealed record DoneRecordView(int DefinitionOfDoneNumber, DateTime CheckedAt, string CheckedBy, IReadOnlyList<DoneCriterionView> Criteria);

public sealed record DoneCriterionView(string Text, bool Waived, string? WaiverReason);

public sealed record CommentView(int Id, string AuthorName, string Text, DateTime CreatedAt);

public sealed class GetBacklogItemHandler(AppDbContext db, ProductContext product)
    : IQueryHandler<GetBacklogItem, BacklogItemDetails>
{
    public async ValueTask<BacklogItemDetails> Handle(GetBacklogItem query, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var item = await db.BacklogItems.AsNoTracking().Where(i => i.Id == query.ItemId)
            .Select(i => new
            {
                i.Id, i.Type, i.Title, i.AsA, i.IWant, i.SoThat, i.Description, i.Estimate, i.Status, i.Rank, i.RoadmapItemId,
                i.CreatedAt, i.UpdatedAt, i.Version, i.ExternalKey,
                Tags = i.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                Criteria = i.AcceptanceCriteria.OrderBy(c => c.Position).Select(c => new CriterionView(c.Id, c.Text, c.IsMet)).ToList(),
                Feedback = i.SourceFeedback.Select(l => new LinkedFeedback(l.FeedbackItem!.Id, l.FeedbackItem.SourceKind,
                    l.FeedbackItem.SourceName, l.FeedbackItem.Account, l.FeedbackItem.Text, l.FeedbackItem.Status)).ToList(),
            })
            .AsSplitQuery()
            .SingleOrNotFoundAsync(cancellationToken);

        var position = await BacklogOrder.PositionOfAsync(db, productId, item.Rank, cancellationToken);
        var total = await db.BacklogItems.CountAsync(cancellationToken);
        var done = await db.BacklogItemDoneChecks.AsNoTracking().Where(d => d.BacklogItemId == item.Id).OrderByDescending(d => d.Id)
            .Select(d => new DoneRecordView(d.DefinitionOfDoneNumber, d.CheckedAt, d.CheckedBy,
                d.Criteria.OrderBy(c => c.Position).Select(c => new DoneCriterionView(c.Text, c.Waived, c.WaiverReason)).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
        var comments = await db.BacklogComments.AsNoTracking().Where(c => c.BacklogItemId == item.Id).OrderBy(c => c.Id)
            .Select(c => new CommentView(c.Id, c.AuthorName, c.Text, c.CreatedAt)).Take(500).ToListAsync(cancellationToken);
        var roadmap = item.RoadmapItemId is null ? null : await db.RoadmapItems.AsNoTracking()
            .Where(r => r.Id == item.RoadmapItemId)
            .Select(r => new RoadmapLink(r.Id, r.Title, r.Status,
                r.Insights.Select(l => new InsightLink(l.Insight!.Id, l.Insight.Title, l.Insight.Kind)).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
        var members = comments.Count == 0 ? [] : await MembersAsync(db, cancellationToken);

        return new BacklogItemDetails(item.Id, item.Type, item.Title, item.AsA, item.IWant, item.SoThat, item.Description, item.Estimate,
            item.Status, position, total, item.RoadmapItemId, item.Tags, item.Criteria, item.Feedback, roadmap, done, comments, members,
            item.CreatedAt, item.UpdatedAt, item.Version)
        {
            CanEdit = product.Can(Permission.EditBacklogItems),
            CanOrder = product.Can(Permission.OrderBacklog),
            CanComment = product.Can(Permission.CommentOnBacklogItems),
            CanSeeHistory = product.Can(Permission.ViewHistory),
            ExternalKey = item.ExternalKey,
        };
    }

    public static async Task<IReadOnlyList<MentionableMember>> MembersAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await db.ProductMembers.AsNoTracking()
            .Select(m => new { m.UserEmail, m.User!.DisplayName }).ToListAsync(cancellationToken))
        .Select(m => new MentionableMember(Mentions.HandleOf(m.UserEmail), m.UserEmail, m.DisplayName)).ToList();
}

/// <summary>The item for its edit form: the same view, but only for those who may edit items.</summary>
[Requires(Permission.EditBacklogItems)]
public sealed record GetBacklogItemForEdit(string ProductSlug, int ItemId) : IQuery<BacklogItemDetails>, IProductRequest;

public sealed class GetBacklogItemForEditHandler(AppDbContext db, ProductContext product)
    : IQueryHandler<GetBacklogItemForEdit, BacklogItemDetails>
{
    public ValueTask<BacklogItemDetails> Handle(GetBacklogItemForEdit query, CancellationToken cancellationToken) =>
        new GetBacklogItemHandler(db, product).Handle(new GetBacklogItem(query.ProductSlug, query.ItemId), cancellationToken);
}
