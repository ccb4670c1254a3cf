using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.SprintReview;

/// <summary>
/// The sprint review of a closed sprint: the goal and whether it was met, the increment with each
/// item's Definition of Done record, the roadmap items it advanced, what was not done, the notes and
/// the stakeholder feedback given on it.
/// </summary>
[Requires(Permission.ViewSprintReview)]
public sealed record GetSprintReview(string ProductSlug, int SprintId) : IQuery<SprintReviewView>, IProductRequest;

public sealed record SprintReviewView(
    int SprintId, string SprintName, string Goal, DateOnly StartDate, DateOnly EndDate, DateTime? ClosedAt,
    int Committed, int Done, int Returned, bool? GoalMet, string? Notes, int Version,
    IReadOnlyList<IncrementItem> Increment, IReadOnlyList<NotDoneItem> NotDone, IReadOnlyList<AdvancedRoadmapItem> Roadmap,
    IReadOnlyList<ReviewFeedback> Feedback, bool CanEdit, bool CanGiveFeedback, bool CanSeeBacklog, bool CanSeeFeedbackInbox, bool CanSeeStrategy)
{
    /// <summary>Whether the caller may share the review with a link (the product owner).</summary>
    public bool CanShare { get; init; }
}

/// <summary>A roadmap item the increment advanced, with the goals and market insights behind it: the chain back from the increment.</summary>
public sealed record AdvancedRoadmapItem(int Id, string Title, IReadOnlyList<ChainLink> Goals, IReadOnlyList<ChainLink> Insights);

public sealed record ChainLink(int Id, string Title);

public sealed record IncrementItem(
    int Id, string Title, BacklogItemType Type, int Points, int? RoadmapItemId, int? DefinitionOfDoneNumber, DateTime? CheckedAt,
    IReadOnlyList<string> Waived);

public sealed record NotDoneItem(int Id, string Title, int Points, SprintItemOutcome Outcome);

public sealed record ReviewFeedback(int FeedbackItemId, string From, string Text, DateOnly ReceivedOn);

public sealed class GetSprintReviewHandler(AppDbContext db, ProductContext product) : IQueryHandler<GetSprintReview, SprintReviewView>
{
    public async ValueTask<SprintReviewView> Handle(GetSprintReview query, CancellationToken cancellationToken)
    {
        var sprint = await db.Sprints.AsNoTracking()
            .Where(s => s.Id == query.SprintId && s.State == SprintState.Closed)
            .Select(s => new { s.Id, s.Name, s.Goal, s.StartDate, s.EndDate, s.ClosedAt, s.CommittedPoints, s.DonePoints, s.ReturnedPoints })
            .SingleOrNotFoundAsync(cancellationToken);
        var review = await db.SprintReviews.AsNoTracking().Where(r => r.SprintId == sprint.Id)
            .Select(r => new { r.Id, r.GoalMet, r.Notes, r.Version }).SingleOrDefaultAsync(cancellationToken);

        // The increment and what was not done, in one statement: every counted item of the sprint by outcome,
        // a done item with its latest Done record picked by an indexed lookup per item (not a window over all records).
        // That is the record it met by the time this sprint closed; a later one (reopened and done again
        // elsewhere) belongs to that other sprint's increment. The record's version and time come by the same lookup.
        var closedAt = sprint.ClosedAt ?? DateTime.MaxValue;
        var sprintItems = await db.SprintItems.AsNoTracking()
            .Where(i => i.SprintId == sprint.Id && (i.Outcome == SprintItemOutcome.Done
                || i.Outcome == SprintItemOutcome.ReturnedToBacklog || i.Outcome == SprintItemOutcome.MovedToNextSprint))
            .OrderBy(i => i.PlannedAt).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.BacklogItemId, i.BacklogItem!.Title, i.BacklogItem.Type, i.Points, i.Outcome, i.BacklogItem.RoadmapItemId,
                CheckId = i.Outcome == SprintItemOutcome.Done
                    ? i.BacklogItem.DoneChecks.Where(c => c.CheckedAt <= closedAt).OrderByDescending(c => c.CheckedAt).Select(c => (int?)c.Id).FirstOrDefault()
                    : null,
                DefinitionOfDoneNumber = i.Outcome == SprintItemOutcome.Done
                    ? i.BacklogItem.DoneChecks.Where(c => c.CheckedAt <= closedAt).OrderByDescending(c => c.CheckedAt).Select(c => (int?)c.DefinitionOfDoneNumber).FirstOrDefault()
                    : null,
                CheckedAt = i.Outcome == SprintItemOutcome.Done
                    ? i.BacklogItem.DoneChecks.Where(c => c.CheckedAt <= closedAt).OrderByDescending(c => c.CheckedAt).Select(c => (DateTime?)c.CheckedAt).FirstOrDefault()
                    : null,
            })
            .ToListAsync(cancellationToken);
        var waived = await WaivedAsync(sprintItems.Where(i => i.CheckId is not null).Select(i => i.CheckId!.Value).ToList(), cancellationToken);
        var increment = sprintItems.Where(i => i.Outcome == SprintItemOutcome.Done).ToList();
        var notDone = sprintItems.Where(i => i.Outcome != SprintItemOutcome.Done)
            .Select(i => new NotDoneItem(i.BacklogItemId, i.Title, i.Points, i.Outcome)).ToList();
        var feedback = review is null
            ? []
            : await db.SprintReviewFeedback.AsNoTracking().Where(f => f.SprintReviewId == review.Id)
                .OrderBy(f => f.FeedbackItem!.CreatedAt)
                .Select(f => new ReviewFeedback(f.FeedbackItemId, f.FeedbackItem!.SourceName, f.FeedbackItem.Text, f.FeedbackItem.ReceivedOn))
                .ToListAsync(cancellationToken);

        var items = increment.Select(i => new IncrementItem(i.BacklogItemId, i.Title, i.Type, i.Points, i.RoadmapItemId,
            i.DefinitionOfDoneNumber, i.CheckedAt, i.CheckId is { } id && waived.TryGetValue(id, out var list) ? list : [])).ToList();
        var roadmapIds = items.Where(i => i.RoadmapItemId is not null).Select(i => i.RoadmapItemId!.Value).Distinct().ToList();
        var roadmapItems = await db.RoadmapItems.AsNoTracking()
            .Where(r => EF.Parameter(roadmapIds).Contains(r.Id))
            .OrderBy(r => r.Rank)
            .Select(r => new { r.Id, r.Title })
            .ToListAsync(cancellationToken);
        // Goals and insights behind those items as one flat list, not a join of both (which multiplies rows).
        // The ids as one JSON parameter here too, so EF caches the statement's SQL.
        var links = await db.RoadmapItemGoals.AsNoTracking().Where(l => EF.Parameter(roadmapIds).Contains(l.RoadmapItemId))
            .Select(l => new { IsGoal = true, l.RoadmapItemId, Id = l.GoalId, l.Goal!.Title })
            .Concat(db.RoadmapItemInsights.AsNoTracking().Where(l => EF.Parameter(roadmapIds).Contains(l.RoadmapItemId))
                .Select(l => new { IsGoal = false, l.RoadmapItemId, Id = l.InsightId, l.Insight!.Title }))
            .ToListAsync(cancellationToken);
        var roadmap = roadmapItems.Select(r => new AdvancedRoadmapItem(r.Id, r.Title,
                [.. links.Where(l => l.IsGoal && l.RoadmapItemId == r.Id).OrderBy(l => l.Id).Select(l => new ChainLink(l.Id, l.Title))],
                [.. links.Where(l => !l.IsGoal && l.RoadmapItemId == r.Id).OrderBy(l => l.Id).Select(l => new ChainLink(l.Id, l.Title))]))
            .ToList();

        return new SprintReviewView(sprint.Id, sprint.Name, sprint.Goal, sprint.StartDate, sprint.EndDate, sprint.ClosedAt,
            sprint.CommittedPoints ?? 0, sprint.DonePoints ?? 0, sprint.ReturnedPoints ?? 0, review?.GoalMet, review?.Notes, review?.Version ?? 0,
            items, notDone, roadmap, feedback, product.Can(Permission.EditSprintReview), product.Can(Permission.GiveSprintReviewFeedback),
            product.Can(Permission.ViewBacklog), product.Can(Permission.ViewCustomerFeedback), product.Can(Permission.ViewStrategy))
        {
            CanShare = product.Can(Permission.ShareSprintReview),
        };
    }

    /// <summary>The waived criteria of these Done records, each as "criterion: reason", by record.</summary>
    private async Task<Dictionary<int, IReadOnlyList<string>>> WaivedAsync(List<int> checkIds, CancellationToken cancellationToken)
    {
        // The waived criteria of those records, by the records' ids: one lookup per record in the criteria's index.
        // The ids are this product's (the query above read them under its filter), so the criteria's own filter, a join
        // through the records to the product's backlog items, is left off: with it SQLite walked every backlog item of
        // the product first (10,000 index steps for 14 records, ~4 ms a view). The ids go as one JSON parameter
        // (EF.Parameter): expanded into one parameter each, EF cannot cache the statement's SQL and builds it anew per view.
        var rows = await db.Set<DoneCriterionCheck>().AsNoTracking().IgnoreQueryFilters()
            .Where(x => x.Waived && EF.Parameter(checkIds).Contains(x.BacklogItemDoneCheckId))
            .OrderBy(x => x.Position)
            .Select(x => new { x.BacklogItemDoneCheckId, Waived = x.Text + (x.WaiverReason == null ? "" : ": " + x.WaiverReason) })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.BacklogItemDoneCheckId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.Waived)]);
    }
}

/// <summary>The sprint reviews of a product, newest first.</summary>
[Requires(Permission.ViewSprintReview)]
public sealed record GetSprintReviews(string ProductSlug) : IQuery<IReadOnlyList<SprintReviewSummary>>, IProductRequest;

public sealed record SprintReviewSummary(
    string ProductSlug, string ProductName, int SprintId, string SprintName, string Goal, DateOnly EndDate, bool? GoalMet, int Done, int Committed, int FeedbackCount);

public sealed class GetSprintReviewsHandler(AppDbContext db) : IQueryHandler<GetSprintReviews, IReadOnlyList<SprintReviewSummary>>
{
    public async ValueTask<IReadOnlyList<SprintReviewSummary>> Handle(GetSprintReviews query, CancellationToken cancellationToken) =>
        await SprintReviewQueries.Summaries(db, db.Sprints).ToListAsync(cancellationToken);
}

/// <summary>Sprint reviews of every product the caller belongs to: a stakeholder's home page lists them.</summary>
public sealed record GetMySprintReviews(int Take = 8) : IQuery<IReadOnlyList<SprintReviewSummary>>;

public sealed class GetMySprintReviewsHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetMySprintReviews, IReadOnlyList<SprintReviewSummary>>
{
    public async ValueTask<IReadOnlyList<SprintReviewSummary>> Handle(GetMySprintReviews query, CancellationToken cancellationToken)
    {
        var userId = user.UserId;
        // Membership is the access rule here: every member role may read sprint reviews.
        var sprints = db.Sprints.Where(s => db.ProductMembers.Any(m => m.ProductId == s.ProductId && m.UserId == userId));
        return await SprintReviewQueries.Summaries(db, sprints).Take(query.Take).ToListAsync(cancellationToken);
    }
}

public static class SprintReviewQueries
{
    public static IQueryable<SprintReviewSummary> Summaries(AppDbContext db, IQueryable<Sprint> sprints) =>
        sprints.AsNoTracking()
            .Where(s => s.State == SprintState.Closed)
            .OrderByDescending(s => s.EndDate).ThenByDescending(s => s.Id)
            .Select(s => new SprintReviewSummary(s.Product!.Slug, s.Product.Name, s.Id, s.Name, s.Goal, s.EndDate,
                db.SprintReviews.Where(r => r.SprintId == s.Id).Select(r => r.GoalMet).FirstOrDefault(),
                s.DonePoints ?? 0, s.CommittedPoints ?? 0,
                db.SprintReviewFeedback.Count(f => f.SprintReview!.SprintId == s.Id)));
}
