using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.DefinitionOfDone;
using ProductRoles.Web.Domain.Ranking;
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

    private const SprintItemOutcome Done = SprintItemOutcome.Done;
    private const SprintItemOutcome Moved = SprintItemOutcome.MovedToNextSprint;
    private const SprintItemOutcome Returned = SprintItemOutcome.ReturnedToBacklog;

    /// <summary>
    /// A backlog item as planned into one sprint and what became of it. An item listed in two sprints is one
    /// backlog item with a row in each (spill-over); <paramref name="AddedMidSprint"/> items join on day 7.
    /// </summary>
    private sealed record SeedItem(
        BacklogItemType Type, string Title, string? AsA, int Points, string Tags, SprintItemOutcome Outcome, bool AddedMidSprint = false);

    /// <param name="Roadmap">The roadmap item the sprint's new items advance (by title).</param>
    private sealed record SeedSprint(
        string Goal, string Roadmap, int Capacity, SeedItem[] Items, string WentWell, string ToImprove,
        (string Title, ProductRole Owner, RetrospectiveActionState State)[] Actions);

    // Each closed sprint is told by its items: the frozen committed, done and returned points are their sums,
    // so the sprint review's increment and not-done lists add up to the numbers at its top.
    private static readonly SeedSprint[] Closed =
    [
        new("Shoppers can pay with a saved card in one step on the one-page checkout.", "Saved cards for returning shoppers", 30,
            [
                new(BacklogItemType.Story, "Pay with a saved card in one step", "returning shopper", 8, "saved-cards,conversion", Done),
                new(BacklogItemType.Chore, "Integrate the card vault for saved cards", null, 5, "saved-cards,security", Done),
                new(BacklogItemType.Story, "See my saved cards with brand and last four digits", "returning shopper", 3, "saved-cards", Done),
                new(BacklogItemType.Bug, "Saved card choice not reachable by keyboard", null, 2, "saved-cards,accessibility", Done),
                new(BacklogItemType.Story, "Confirm the CVC of a saved card when my bank asks for it", "returning shopper", 3, "saved-cards,3ds", Done),
                new(BacklogItemType.Chore, "Add saved-card payments to the checkout end-to-end tests", null, 3, "saved-cards,testing", Done),
                new(BacklogItemType.Story, "Make one saved card my default", "returning shopper with two cards", 3, "saved-cards", Moved),
                new(BacklogItemType.Bug, "Saved card expiry shown in US date format", null, 3, "saved-cards,localisation", Moved),
            ],
            "- Pairing on the card vault integration\n- The Definition of Done caught two accessibility issues before review",
            "- Stories arrived without acceptance criteria\n- Too much work started at once",
            [("Refine stories with acceptance criteria before planning", ProductRole.ProductOwner, RetrospectiveActionState.Done),
             ("Limit work in progress to three items", ProductRole.ScrumMaster, RetrospectiveActionState.Done)]),
        new("Merchants see wallet payments (Apple Pay, Google Pay) in their settlement report.", "One-tap Apple Pay and Google Pay", 32,
            [
                new(BacklogItemType.Story, "Make one saved card my default", "returning shopper with two cards", 3, "saved-cards", Done),
                new(BacklogItemType.Bug, "Saved card expiry shown in US date format", null, 3, "saved-cards,localisation", Done),
                new(BacklogItemType.Story, "See Apple Pay and Google Pay payments as their own lines in the settlement report", "merchant", 8, "wallets,reporting,merchants", Done),
                new(BacklogItemType.Story, "Filter the settlement report by payment method", "merchant", 5, "reporting,merchants", Done),
                new(BacklogItemType.Chore, "Map wallet transaction ids into the settlement export", null, 3, "wallets,reporting", Done),
                new(BacklogItemType.Story, "See wallet fees per payout", "merchant", 3, "wallets,reporting", Done),
                new(BacklogItemType.Bug, "Wallet refunds missing from the settlement report", null, 3, "wallets,refunds,reporting", Done, AddedMidSprint: true),
                new(BacklogItemType.Story, "Export the settlement report for my accounting tool", "merchant", 5, "reporting,merchants", Moved),
                new(BacklogItemType.Chore, "Quarantine the flaky wallet end-to-end tests", null, 2, "wallets,testing", Moved),
            ],
            "- Finance stakeholders joined the sprint review and gave direct feedback\n- Limiting work in progress helped",
            "- A late scope change from support\n- Flaky end-to-end tests slowed merges",
            [("Fix or quarantine the flaky checkout end-to-end tests", ProductRole.Developer, RetrospectiveActionState.Done)]),
        new("Refunds up to 200 EUR are instant for every merchant on the growth plan.", "Instant refunds to cards and wallets", 34,
            [
                new(BacklogItemType.Story, "Export the settlement report for my accounting tool", "merchant", 5, "reporting,merchants", Done),
                new(BacklogItemType.Chore, "Quarantine the flaky wallet end-to-end tests", null, 2, "wallets,testing", Done),
                new(BacklogItemType.Story, "Issue an instant refund up to 200 EUR", "merchant on the growth plan", 8, "refunds,merchants", Done),
                new(BacklogItemType.Chore, "Connect the acquirer's instant payout API", null, 5, "refunds", Done),
                new(BacklogItemType.Story, "Switch instant refunds on per merchant", "merchant success manager", 3, "refunds,merchants", Done),
                new(BacklogItemType.Story, "See instant refunds in the refund ledger", "finance controller", 5, "refunds,reporting", Done),
                new(BacklogItemType.Bug, "Refund e-mail shows the amount without its currency", null, 2, "refunds,receipts", Done),
                new(BacklogItemType.Chore, "Reconcile the refund ledger every night", null, 3, "refunds,reporting", Returned),
                new(BacklogItemType.Bug, "Refund button can be pressed twice while the refund runs", null, 1, "refunds", Moved),
            ],
            "- Instant refunds shipped behind a flag and were switched on mid-sprint\n- Good collaboration with security operations",
            "- The sprint goal was only checked at the review\n- Estimates for the refund ledger were far off",
            [("Look at the sprint goal in every daily Scrum", ProductRole.ScrumMaster, RetrospectiveActionState.Done),
             ("Spike risky items before estimating them", ProductRole.Developer, RetrospectiveActionState.Dropped)]),
        new("Checkout conversion on mobile is measured end to end, from cart to receipt.", "Mobile card form redesign", 30,
            [
                new(BacklogItemType.Bug, "Refund button can be pressed twice while the refund runs", null, 1, "refunds", Done),
                new(BacklogItemType.Story, "Track each checkout step from cart to receipt", "product manager", 8, "analytics,conversion", Done),
                new(BacklogItemType.Story, "See mobile checkout conversion on a dashboard", "product manager", 5, "analytics,mobile,conversion", Done),
                new(BacklogItemType.Chore, "Send checkout events to the analytics pipeline", null, 5, "analytics", Done),
                new(BacklogItemType.Story, "Measure drop-off at the card form on mobile", "product manager", 5, "analytics,mobile", Done),
                new(BacklogItemType.Bug, "Receipt page not counted when the shopper returns from 3-D Secure", null, 3, "analytics,3ds", Done),
                new(BacklogItemType.Chore, "Document the checkout funnel events", null, 2, "analytics,docs", Done),
                new(BacklogItemType.Bug, "Checkout event sent twice on page reload", null, 1, "analytics", Done),
            ],
            "- Everything we committed met the Definition of Done\n- Dashboards were ready for the review",
            "- Design handed over mock-ups late in the sprint",
            [("Invite design to backlog refinement", ProductRole.ProductOwner, RetrospectiveActionState.Done)]),
        new("Merchants can offer saved cards to returning shoppers without re-entering CVC where the card scheme allows it.", "Saved cards for returning shoppers", 36,
            [
                new(BacklogItemType.Chore, "Reconcile the refund ledger every night", null, 3, "refunds,reporting", Done),
                new(BacklogItemType.Story, "Pay with a saved card without re-entering the CVC where the card scheme allows it", "returning shopper", 8, "saved-cards,conversion", Done),
                new(BacklogItemType.Story, "Let returning shoppers skip the CVC in my shop", "merchant", 5, "saved-cards,merchants", Done),
                new(BacklogItemType.Chore, "Load the card schemes' CVC rules into the checkout", null, 5, "saved-cards", Done),
                new(BacklogItemType.Story, "See which payments skipped the CVC", "merchant", 3, "saved-cards,reporting", Done),
                new(BacklogItemType.Bug, "Saved card list slow for shoppers with many cards", null, 1, "saved-cards,performance", Done),
                new(BacklogItemType.Story, "Know when my card still needs the CVC", "returning shopper", 3, "saved-cards", Done, AddedMidSprint: true),
                new(BacklogItemType.Bug, "CVC hint cut off on small phones", null, 1, "saved-cards,mobile", Done, AddedMidSprint: true),
                new(BacklogItemType.Chore, "Security review of payments without CVC", null, 5, "saved-cards,security", Moved),
                new(BacklogItemType.Story, "Record my consent to store the card", "returning shopper", 3, "saved-cards,compliance", Moved),
                new(BacklogItemType.Story, "Offer saved cards on the hosted payment page", "merchant", 3, "saved-cards,merchants", Moved),
            ],
            "- Customer feedback from the pilot merchants shaped the last two stories",
            "- We took on more than our velocity suggested\n- Two items waited days for a security review",
            [("Plan no more than the average of the last three sprints", ProductRole.ScrumMaster, RetrospectiveActionState.InProgress),
             ("Agree a same-day slot for security reviews with security operations", ProductRole.ProductOwner, RetrospectiveActionState.Open)]),
        // Sprint 6 also finishes the done items at the bottom of the seeded backlog and spills two into the active sprint.
        new("Failed payments tell the shopper why and what to try next, in their language.", "Saved cards for returning shoppers", 33,
            [
                new(BacklogItemType.Chore, "Security review of payments without CVC", null, 5, "saved-cards,security", Done),
                new(BacklogItemType.Story, "Record my consent to store the card", "returning shopper", 3, "saved-cards,compliance", Done),
                new(BacklogItemType.Story, "Offer saved cards on the hosted payment page", "merchant", 3, "saved-cards,merchants", Done),
            ],
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
        // few Done at the bottom: those become part of sprint 6's increment and the active sprint, with real spill-over.
        var backlog = await db.BacklogItems.Include(i => i.DoneChecks)
            .Where(i => i.ProductId == context.Product.Id).OrderBy(i => i.Rank).ToListAsync(cancellationToken);
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
        var spilled = inSprint.Take(2).ToList();

        var dod = await db.DefinitionOfDoneVersions.AsNoTracking().Include(v => v.Criteria)
            .Where(v => v.ProductId == context.Product.Id).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        var roadmap = await db.RoadmapItems.AsNoTracking().Where(r => r.ProductId == context.Product.Id)
            .Select(r => new { r.Id, r.Title }).ToListAsync(cancellationToken);
        var history = new HistoricalItems(context, dod, backlog.Count == 0 ? null : backlog[^1].Rank);

        var today = DateOnly.FromDateTime(context.Now);
        var activeStart = today.AddDays(-5);
        var sprints = new List<Sprint>();
        for (var i = 0; i < Closed.Length; i++)
        {
            var seed = Closed[i];
            var end = activeStart.AddDays(-1 - (SprintDays * (Closed.Length - 1 - i)));
            var start = end.AddDays(1 - SprintDays);
            var sprint = new Sprint
            {
                ProductId = context.Product.Id,
                Name = $"Sprint {i + 1}",
                Goal = seed.Goal,
                StartDate = start,
                EndDate = end,
                Capacity = seed.Capacity,
                State = SprintState.Closed,
                CreatedAt = At(start.AddDays(-2)),
                StartedAt = At(start),
                ClosedAt = At(end).AddHours(16),
            };

            // Items not done in the sprint before carry on from the moment it closed.
            var plannedAt = i == 0 ? At(start.AddDays(-1)) : sprints[i - 1].ClosedAt!.Value;
            foreach (var s in seed.Items)
            {
                var item = history.Item(s, start, roadmap.FirstOrDefault(r => r.Title == seed.Roadmap)?.Id);
                sprint.Items.Add(Planned(context, item, s.Points, s.Outcome, s.AddedMidSprint ? At(start.AddDays(MidSprintDay)) : plannedAt));
            }

            if (i == Closed.Length - 1)
            {
                foreach (var item in sprint6Done)
                {
                    sprint.Items.Add(Planned(context, item, item.Estimate ?? 0, SprintItemOutcome.Done, plannedAt));
                }

                foreach (var item in spilled)
                {
                    sprint.Items.Add(Planned(context, item, item.Estimate ?? 0, SprintItemOutcome.MovedToNextSprint, plannedAt));
                }
            }

            // The frozen totals are the sums of the items, exactly as closing a sprint computes them.
            sprint.CommittedPoints = sprint.Items.Sum(x => x.Points);
            sprint.DonePoints = sprint.Items.Where(x => x.Outcome == SprintItemOutcome.Done).Sum(x => x.Points);
            sprint.ReturnedPoints = sprint.CommittedPoints - sprint.DonePoints;
            RecordDays(sprint, history);
            sprints.Add(sprint);
        }

        var active = new Sprint
        {
            ProductId = context.Product.Id,
            Name = $"Sprint {Closed.Length + 1}",
            Goal = "Shoppers in the Netherlands and Belgium can pay with iDEAL and Bancontact on the one-page checkout.",
            StartDate = activeStart,
            EndDate = activeStart.AddDays(SprintDays - 1),
            Capacity = 32,
            State = SprintState.Active,
            CreatedAt = At(activeStart.AddDays(-2)),
            StartedAt = At(activeStart),
        };
        foreach (var item in inSprint.Concat(activeDone))
        {
            active.Items.Add(Planned(context, item, item.Estimate ?? 0, SprintItemOutcome.InSprint, sprints[^1].ClosedAt!.Value));
        }

        // The developers' tasks on the items still in progress: most owned by the demo developer, some
        // picked by no one yet, a few finished, so the board and the home's "your open tasks" have content.
        var developer = context.Users[ProductRole.Developer].Id;
        foreach (var (sprintItem, n) in active.Items.Where(x => inSprint.Contains(x.BacklogItem!)).Select((x, n) => (x, n)))
        {
            foreach (var (title, hours, state, owned) in ActiveTasks[n % ActiveTasks.Length])
            {
                sprintItem.Tasks.Add(new SprintTask
                {
                    ProductId = context.Product.Id, Title = title, RemainingHours = state == SprintTaskState.Done ? 0 : hours, State = state,
                    OwnerId = owned ? developer : null,
                });
            }
        }

        // Day by day: the done items were finished (their Definition of Done checked) on days 2, 4 and 5.
        int[] finishedOn = [2, 4, 5];
        for (var n = 0; n < activeDone.Count; n++)
        {
            var checkedAt = Min(At(activeStart.AddDays(finishedOn[n])).AddHours(6), context.Now);
            foreach (var check in activeDone[n].DoneChecks)
            {
                check.CheckedAt = checkedAt;
            }

            activeDone[n].UpdatedAt = checkedAt;
        }

        var activeScope = active.Items.Sum(i => i.Points);
        var activeDays = today.DayNumber - activeStart.DayNumber;
        for (var day = 0; day <= activeDays; day++)
        {
            var finished = activeDone.Where((_, n) => day >= finishedOn[n]).Sum(i => i.Estimate ?? 0);
            active.Days.Add(new SprintDaySnapshot { Day = activeStart.AddDays(day), ScopePoints = activeScope, RemainingPoints = activeScope - finished });
        }

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

    private const int MidSprintDay = 6;

    private static readonly (string Title, int Hours, SprintTaskState State, bool Owned)[][] ActiveTasks =
    [
        [("Call the payment provider's sandbox from the checkout", 6, SprintTaskState.InProgress, true), ("Show the bank list on the payment step", 4, SprintTaskState.ToDo, true), ("Automated tests for failed and cancelled payments", 5, SprintTaskState.ToDo, false)],
        [("Map the provider's status codes to our payment states", 3, SprintTaskState.Done, true), ("Redirect back to the receipt after the bank app", 5, SprintTaskState.InProgress, true), ("Accessibility check of the redirect page", 2, SprintTaskState.ToDo, false)],
        [("Settlement fields in the merchant report", 4, SprintTaskState.ToDo, true), ("Release notes for merchants", 2, SprintTaskState.ToDo, false)],
        [("Feature flag per merchant country", 3, SprintTaskState.Done, true), ("Monitoring alert for payment timeouts", 3, SprintTaskState.ToDo, true)],
    ];

    /// <summary>
    /// The burndown of a closed sprint from its items: each done item is finished on a day that follows the
    /// usual curve (added items after they joined), and its Definition of Done record carries that day.
    /// </summary>
    private static void RecordDays(Sprint sprint, HistoricalItems history)
    {
        var doneItems = sprint.Items.Where(x => x.Outcome == SprintItemOutcome.Done).ToList();
        var finishedOn = new Dictionary<SprintItem, int>();
        for (var n = 0; n < doneItems.Count; n++)
        {
            var share = (decimal)(n + 1) / doneItems.Count;
            var day = Array.FindIndex(Progress, p => p >= share);
            var added = doneItems[n].PlannedAt > At(sprint.StartDate);
            finishedOn[doneItems[n]] = added ? Math.Max(day, MidSprintDay + 1) : day;
            history.MarkDone(doneItems[n].BacklogItem!, At(sprint.StartDate.AddDays(finishedOn[doneItems[n]])).AddHours(6));
        }

        for (var day = 0; day < SprintDays; day++)
        {
            var dayEnd = At(sprint.StartDate.AddDays(day)).AddHours(15);
            var scope = sprint.Items.Where(x => x.PlannedAt <= dayEnd).Sum(x => x.Points);
            var finished = finishedOn.Where(f => f.Value <= day).Sum(f => f.Key.Points);
            sprint.Days.Add(new SprintDaySnapshot { Day = sprint.StartDate.AddDays(day), ScopePoints = scope, RemainingPoints = scope - finished });
        }
    }

    private static SprintItem Planned(DemoSeedContext context, BacklogItem item, int points, SprintItemOutcome outcome, DateTime plannedAt) => new()
    {
        ProductId = context.Product.Id, BacklogItemId = item.Id, BacklogItem = item, Title = item.Title, Points = points,
        Outcome = outcome, PlannedAt = plannedAt,
    };

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);

    /// <summary>
    /// The backlog items the earlier sprints were made of, created once each (an item that spills over is the
    /// same item in the next sprint) and kept below the seeded backlog, where finished items sit.
    /// </summary>
    private sealed class HistoricalItems(DemoSeedContext context, DefinitionOfDoneVersion? dod, string? lastRank)
    {
        private readonly Dictionary<string, BacklogItem> _byTitle = new(StringComparer.Ordinal);
        private string? _rank = lastRank;

        public BacklogItem Item(SeedItem seed, DateOnly sprintStart, int? roadmapItemId)
        {
            if (_byTitle.TryGetValue(seed.Title, out var existing))
            {
                return existing;
            }

            _rank = RankKey.Between(_rank, null);
            var created = At(sprintStart.AddDays(-10));
            var item = new BacklogItem
            {
                ProductId = context.Product.Id, Type = seed.Type, Title = seed.Title, Rank = _rank, Estimate = seed.Points,
                Status = BacklogItemStatus.Ready, CreatedAt = created, UpdatedAt = created,
            };
            if (seed.Type == BacklogItemType.Story)
            {
                item.AsA = seed.AsA;
                item.IWant = char.ToLowerInvariant(seed.Title[0]) + seed.Title[1..];
            }

            var tags = seed.Tags.Split(',');
            item.Tags.AddRange(tags.Select(t => new BacklogItemTag { Name = t }));
            item.RoadmapItemId = roadmapItemId;
            context.Db.BacklogItems.Add(item);
            _byTitle[seed.Title] = item;
            return item;
        }

        /// <summary>Done in a sprint: the item meets the Definition of Done that day (a seeded item keeps its record, re-dated).</summary>
        public void MarkDone(BacklogItem item, DateTime checkedAt)
        {
            item.Status = BacklogItemStatus.Done;
            item.UpdatedAt = checkedAt;
            if (item.DoneChecks.Count > 0)
            {
                foreach (var check in item.DoneChecks)
                {
                    check.CheckedAt = checkedAt;
                }

                return;
            }

            if (dod is null)
            {
                return;
            }

            var record = new BacklogItemDoneCheck
            {
                DefinitionOfDoneVersionId = dod.Id, DefinitionOfDoneNumber = dod.Number, CheckedAt = checkedAt,
                CheckedBy = context.Users[ProductRole.ProductOwner].DisplayName,
            };
            // Chores change nothing a merchant reads, so their documentation criterion is waived, as the team does.
            var last = dod.Criteria.Max(c => c.Position);
            record.Criteria.AddRange(dod.Criteria.OrderBy(c => c.Position).Select(c => new DoneCriterionCheck
            {
                Position = c.Position,
                Text = c.Text,
                Waived = item.Type == BacklogItemType.Chore && c.Position == last,
                WaiverReason = item.Type == BacklogItemType.Chore && c.Position == last ? "Internal chore: no merchant-facing change to document." : null,
            }));
            item.DoneChecks.Add(record);
        }
    }
}
