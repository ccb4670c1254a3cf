using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.DefinitionOfDone;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Bench;

/// <summary>
/// A closed sprint of realistic size with its review, built with the app's own model: an increment of
/// done backlog items, each with its Definition of Done record (a few criteria waived with a reason)
/// and most advancing a roadmap item; items returned to the backlog; Markdown review notes; and
/// stakeholder feedback that landed in the product owner's inbox.
/// </summary>
public static class SprintReviewData
{
    private static readonly string[] Criteria =
    [
        "Code reviewed by another developer", "Automated tests pass on main", "Acceptance criteria met",
        "Accessible with keyboard and screen reader", "Release notes written", "Deployed to staging",
    ];

    /// <returns>The closed sprint's id.</returns>
    public static async Task<int> GenerateAsync(
        AppDbContext db, int productId, IReadOnlyList<int> roadmapItemIds, int incrementSize, TextGenerator text, DateTime now)
    {
        var definition = new DefinitionOfDoneVersion { ProductId = productId, Number = 1, CreatedAt = now.AddDays(-60), CreatedBy = "Oliver Owens (PO)" };
        definition.Criteria.AddRange(Criteria.Select((c, i) => new DefinitionOfDoneCriterion { Position = i + 1, Text = c }));
        db.DefinitionOfDoneVersions.Add(definition);

        var end = DateOnly.FromDateTime(now).AddDays(-3);
        var sprint = new Sprint
        {
            ProductId = productId,
            Name = "Sprint 41",
            Goal = "Returning shoppers pay with a saved card in one step: " + text.Sentence(40, 160).ToLowerInvariant(),
            StartDate = end.AddDays(-13),
            EndDate = end,
            Capacity = 40,
            State = SprintState.Closed,
            CreatedAt = now.AddDays(-20),
            StartedAt = now.AddDays(-17),
            ClosedAt = now.AddDays(-3),
        };
        db.Sprints.Add(sprint);
        await db.SaveChangesAsync();

        var returnedCount = Math.Max(1, incrementSize / 4);
        var items = await db.BacklogItems.Where(i => i.ProductId == productId && i.Status == BacklogItemStatus.Done)
            .OrderBy(i => i.Id).Take(incrementSize).ToListAsync();
        var returned = await db.BacklogItems.Where(i => i.ProductId == productId && i.Status == BacklogItemStatus.InProgress)
            .OrderBy(i => i.Id).Take(returnedCount).ToListAsync();
        var planned = now.AddDays(-17);
        foreach (var item in items)
        {
            item.Estimate ??= text.Pick([1, 2, 3, 5, 8]);
            item.RoadmapItemId = roadmapItemIds.Count > 0 && text.Chance(0.8) ? text.Pick(roadmapItemIds) : null;
            var check = new BacklogItemDoneCheck
            {
                DefinitionOfDoneVersionId = definition.Id, DefinitionOfDoneNumber = 1, CheckedAt = now.AddDays(-text.Next(4, 16)), CheckedBy = "Dana Developer",
            };
            check.Criteria.AddRange(Criteria.Select((c, i) => new DoneCriterionCheck
            {
                Position = i + 1, Text = c, Waived = i == 4 && text.Chance(0.3), WaiverReason = i == 4 ? "Release notes go out with the next marketing update" : null,
            }));
            item.DoneChecks.Add(check);
            db.SprintItems.Add(new SprintItem
            {
                ProductId = productId, SprintId = sprint.Id, BacklogItemId = item.Id, Points = item.Estimate.Value, Outcome = SprintItemOutcome.Done,
                PlannedAt = planned = planned.AddMinutes(1), Title = item.Title,
            });
        }

        foreach (var item in returned)
        {
            db.SprintItems.Add(new SprintItem
            {
                ProductId = productId, SprintId = sprint.Id, BacklogItemId = item.Id, Points = item.Estimate ?? 3, Outcome = SprintItemOutcome.ReturnedToBacklog,
                PlannedAt = planned = planned.AddMinutes(1), Title = item.Title,
            });
        }

        var done = items.Sum(i => i.Estimate ?? 0);
        var notDone = returned.Sum(i => i.Estimate ?? 3);
        (sprint.CommittedPoints, sprint.DonePoints, sprint.ReturnedPoints) = (done + notDone, done, notDone);

        var review = new SprintReview
        {
            ProductId = productId,
            SprintId = sprint.Id,
            GoalMet = true,
            Notes = "## What we showed\n\n" + text.Markdown(400, 1200) + "\n\n## What changes in the product backlog\n\n- " + text.Sentence(40, 120) + "\n- " + text.Sentence(40, 120),
        };
        for (var f = 0; f < 5; f++)
        {
            var feedback = new FeedbackItem
            {
                ProductId = productId,
                SourceKind = FeedbackSourceKind.Stakeholder,
                SourceName = text.Pick(["Sam Stakeholder", "Finance lead", "Head of sales", "Support lead"]),
                Text = text.Sentence(80, 500),
                ReceivedOn = end.AddDays(1),
                Status = FeedbackStatus.New,
                CreatedAt = now.AddDays(-2).AddMinutes(f),
                UpdatedAt = now.AddDays(-2).AddMinutes(f),
            };
            review.Feedback.Add(new SprintReviewFeedback { FeedbackItem = feedback });
        }

        db.SprintReviews.Add(review);
        await db.SaveChangesAsync();
        return sprint.Id;
    }
}
