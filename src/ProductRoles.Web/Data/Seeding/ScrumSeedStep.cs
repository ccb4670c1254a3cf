using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Web.Data.Seeding;

/// <summary>
/// Demo sprints for Acme Checkout: six closed two-week sprints with realistic spill-over, their
/// retrospectives and day-by-day burndown records, and the active sprint, so charts and velocity
/// have history from the first start.
/// </summary>
public sealed class ScrumSeedStep : IDemoSeedStep
{
    private const int SprintDays = 14;

    public int Order => 120; // after the backlog (110): sprints are made of its items

    private sealed record SeedSprint(
        string Goal, int Committed, int Done, int AddedMidSprint, string WentWell, string ToImprove,
        (string Title, ProductRole Owner, RetrospectiveActionState State)[] Actions);

    private static readonly SeedSprint[] Closed =
    [
        new("Shoppers can pay with a saved card in one step on the one-page checkout.", 30, 24, 0,
            "- Pairing on the card vault integration\n- The Definition of Done caught two accessibility issues before review",
            "- Stories arrived without acceptance criteria\n- Too much work started at once",
            [("Refine stories with acceptance criteria before planning", ProductRole.ProductOwner, RetrospectiveActionState.Done),
             ("Limit work in progress to three items", ProductRole.ScrumMaster, RetrospectiveActionState.Done)]),
        new("Merchants see wallet payments (Apple Pay, Google Pay) in their settlement report.", 32, 28, 3,
            "- Finance stakeholders joined the sprint review and gave direct feedback\n- Limiting work in progress helped",
            "- A late scope change from support\n- Flaky end-to-end tests slowed merges",
            [("Fix or quarantine the flaky checkout end-to-end tests", ProductRole.Developer, RetrospectiveActionState.Done)]),
        new("Refunds up to 200 EUR are instant for every merchant on the growth plan.", 34, 30, 0,
            "- Instant refunds shipped behind a flag and were switched on mid-sprint\n- Good collaboration with security operations",
            "- The sprint goal was only checked at the review\n- Estimates for the refund ledger were far off",
            [("Look at the sprint goal in every daily Scrum", ProductRole.ScrumMaster, RetrospectiveActionState.Done),
             ("Spike risky items before estimating them", ProductRole.Developer, RetrospectiveActionState.Dropped)]),
        new("Checkout conversion on mobile is measured end to end, from cart to receipt.", 30, 30, 0,
            "- Everything we committed met the Definition of Done\n- Dashboards were ready for the review",
            "- Design handed over mock-ups late in the sprint",
            [("Invite design to backlog refinement", ProductRole.ProductOwner, RetrospectiveActionState.Done)]),
        new("Merchants can offer saved cards to returning shoppers without re-entering CVC where the card scheme allows it.", 36, 29, 4,
            "- Customer feedback from the pilot merchants shaped the last two stories",
            "- We took on more than our velocity suggested\n- Two items waited days for a security review",
            [("Plan no more than the average of the last three sprints", ProductRole.ScrumMaster, RetrospectiveActionState.InProgress),
             ("Agree a same-day slot for security reviews with security operations", ProductRole.ProductOwner, RetrospectiveActionState.Open)]),
        new("Failed payments tell the shopper why and what to try next, in their language.", 33, 31, 0,
            "- Error messages were tested with real shoppers\n- Support reported fewer tickets already",
            "- Translations arrived late\n- Review notes were not shared with stakeholders who missed the review",
            [("Send the sprint review notes to all stakeholders the same day", ProductRole.ProductOwner, RetrospectiveActionState.Done),
             ("Order translations when a story becomes Ready", ProductRole.Developer, RetrospectiveActionState.Open)]),
    ];

    /// <summary>Share of the done points finished by the end of each sprint day: slow start, weekends flat, a push at the end.</summary>
    private static readonly decimal[] Progress =
        [0m, .05m, .12m, .2m, .26m, .26m, .26m, .38m, .47m, .55m, .66m, .75m, .75m, 1m];

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        if (await db.Sprints.AnyAsync(s => s.ProductId == context.Product.Id, cancellationToken))
        {
            return;
        }

        // The backlog seed (earlier step) left the top items Planned or In progress (the active sprint's) and a
        // few Done at the bottom: those become the increments of the last sprints, with real spill-over.
        var backlog = await db.BacklogItems.Where(i => i.ProductId == context.Product.Id).OrderBy(i => i.Rank).ToListAsync(cancellationToken);
        // A sprint's worth (about the team's velocity) stays in the active sprint; the rest goes back to Ready.
        var started = backlog.Where(i => i.Status is BacklogItemStatus.Planned or BacklogItemStatus.InProgress).ToList();
        var inSprint = started.Where(i => i.Status == BacklogItemStatus.InProgress).Take(4).ToList();
        foreach (var item in started.Except(inSprint))
        {
            item.Status = item.Estimate is null ? BacklogItemStatus.New : BacklogItemStatus.Ready;
        }

        var done = backlog.Where(i => i.Status == BacklogItemStatus.Done).OrderBy(i => i.Id).ToList();
        var activeDone = done.Take(3).ToList();
        var sprint6Done = done.Skip(3).ToList();
        var spilled = inSprint.Where(i => i.Status == BacklogItemStatus.InProgress).Take(2).ToList();

        var today = DateOnly.FromDateTime(context.Now);
        var activeStart = today.AddDays(-5);
        var sprints = new List<Sprint>();
        for (var i = 0; i < Closed.Length; i++)
        {
            var seed = Closed[i];
            // Sprint 6 is told by its items; earlier ones by the totals recorded when they closed.
            var itemDone = i == 5 ? sprint6Done : null;
            if (itemDone is { Count: > 0 })
            {
                var donePoints = itemDone.Sum(x => x.Estimate ?? 0);
                var returned = i == 5 ? spilled.Sum(x => x.Estimate ?? 0) : 0;
                seed = seed with { Committed = donePoints + returned, Done = donePoints, AddedMidSprint = 0 };
            }

            var end = activeStart.AddDays(-1 - (SprintDays * (Closed.Length - 1 - i)));
            var start = end.AddDays(1 - SprintDays);
            var committed = seed.Committed + seed.AddedMidSprint;
            var sprint = new Sprint
            {
                ProductId = context.Product.Id,
                Name = $"Sprint {i + 1}",
                Goal = seed.Goal,
                StartDate = start,
                EndDate = end,
                Capacity = seed.Committed,
                State = SprintState.Closed,
                CreatedAt = At(start.AddDays(-2)),
                StartedAt = At(start),
                ClosedAt = At(end).AddHours(16),
                CommittedPoints = committed,
                DonePoints = seed.Done,
                ReturnedPoints = committed - seed.Done,
            };
            for (var day = 0; day < SprintDays; day++)
            {
                var scope = seed.Committed + (day >= 6 ? seed.AddedMidSprint : 0);
                var doneShare = day == SprintDays - 1 ? seed.Done : (int)Math.Round(seed.Done * Progress[day]);
                sprint.Days.Add(new SprintDaySnapshot { Day = start.AddDays(day), ScopePoints = scope, RemainingPoints = scope - doneShare });
            }

            if (itemDone is { Count: > 0 })
            {
                foreach (var item in itemDone)
                {
                    sprint.Items.Add(Planned(context, item, start, SprintItemOutcome.Done));
                }

                if (i == 5)
                {
                    foreach (var item in spilled)
                    {
                        sprint.Items.Add(Planned(context, item, start, SprintItemOutcome.MovedToNextSprint));
                    }
                }
            }

            sprints.Add(sprint);
        }

        var active = new Sprint
        {
            ProductId = context.Product.Id,
            Name = $"Sprint {Closed.Length + 1}",
            Goal = "Shoppers in the Netherlands and Belgium can pay with iDEAL and Bancontact on the one-page checkout.",
            StartDate = activeStart,
            EndDate = activeStart.AddDays(SprintDays - 1),
            Capacity = 30,
            State = SprintState.Active,
            CreatedAt = At(activeStart.AddDays(-2)),
            StartedAt = At(activeStart),
        };
        foreach (var item in inSprint.Concat(activeDone))
        {
            active.Items.Add(Planned(context, item, activeStart, SprintItemOutcome.InSprint));
        }

        // Day by day: the done items were finished on days 2, 4 and 5.
        var activeScope = active.Items.Sum(i => i.Points);
        var activeDays = today.DayNumber - activeStart.DayNumber;
        for (var day = 0; day <= activeDays; day++)
        {
            var finished = activeDone.Where((_, n) => day >= (n + 1) * 2 - (n == 2 ? 1 : 0)).Sum(i => i.Estimate ?? 0);
            active.Days.Add(new SprintDaySnapshot { Day = activeStart.AddDays(day), ScopePoints = activeScope, RemainingPoints = activeScope - finished });
        }

        active.Capacity = 32;

        sprints.Add(active);
        db.Sprints.AddRange(sprints);
        await db.SaveChangesAsync(cancellationToken);

        for (var i = 0; i < Closed.Length; i++)
        {
            var seed = Closed[i];
            var sprintDone = sprints[i].DonePoints ?? 0;
            var goalMet = sprintDone >= (sprints[i].CommittedPoints ?? 0) * 0.85;
            db.SprintReviews.Add(new SprintReview
            {
                ProductId = context.Product.Id, SprintId = sprints[i].Id, Sprint = sprints[i], GoalMet = goalMet,
                Notes = $"Shown to finance, support and two pilot merchants.\n\n- {sprintDone} points met the Definition of Done\n- " +
                    (goalMet ? "The goal was met; merchants asked to roll it out to all growth-plan accounts." : "The goal was not met: the unfinished work carries on in the next sprint."),
            });
            db.Retrospectives.Add(new Retrospective
            {
                ProductId = context.Product.Id, SprintId = sprints[i].Id, Sprint = sprints[i], WentWell = seed.WentWell, ToImprove = seed.ToImprove,
            });
            foreach (var (title, owner, state) in seed.Actions)
            {
                db.RetrospectiveActions.Add(new RetrospectiveAction
                {
                    ProductId = context.Product.Id, SprintId = sprints[i].Id, Title = title, OwnerId = context.Users[owner].Id,
                    State = state, CreatedAt = sprints[i].ClosedAt!.Value,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static SprintItem Planned(DemoSeedContext context, BacklogItem item, DateOnly start, SprintItemOutcome outcome) => new()
    {
        ProductId = context.Product.Id, BacklogItemId = item.Id, BacklogItem = item, Title = item.Title, Points = item.Estimate ?? 0,
        Outcome = outcome, PlannedAt = At(start.AddDays(-1)),
    };

    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
}
