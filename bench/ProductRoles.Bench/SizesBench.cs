using System.Globalization;
using System.Text.Json.Nodes;
using ProductRoles.Web.Data.Identity;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Bench;

/// <summary>
/// Size-independent pages: products of 100, 10,000 and 100,000 backlog items, each with as many history
/// rows and feedback items, a comment on every fourth item, a closed sprint per 1,000 items and a sprint
/// being planned, and a roadmap of one item per 2,000 (3 to 50). The backlog's first screen, the history's,
/// the feedback inbox and the sprint planning page are measured at each size in alternating rounds (so
/// noise hits every size alike), with their SQL statements per view.
/// </summary>
public static class SizesBench
{
    public static readonly string[] Pages = ["backlog_first_screen", "history_first_screen", "feedback_inbox", "sprint_planning"];

    public sealed record SizedProduct(int Size, int ProductId, string Slug, int PlanningSprintId);

    public static async Task<SizedProduct> GenerateAsync(AppUnderTest app, AppUser owner, int size, TextGenerator text, Action<string> log)
    {
        var slug = $"bench-n{size}";
        var productId = await app.CreateProductAsync($"Bench product of {size:N0} items", slug, owner, ProductRole.ProductOwner);
        var started = DateTime.UtcNow;
        var now = started;
        var roadmapIds = await app.WithDbAsync(db => RoadmapData.GenerateAsync(db, productId, Math.Clamp(size / 2000, 3, 50), text, now));
        var planningSprintId = await app.WithDbAsync(async db =>
        {
            var bulk = new BulkLoad(db);
            await bulk.BeginAsync();
            var feedbackIds = new List<int>(size);
            foreach (var feedback in BacklogData.Feedback(productId, size, text, now))
            {
                feedback.Id = await bulk.NextIdAsync<FeedbackItem>();
                feedbackIds.Add(feedback.Id);
                await bulk.InsertAsync(feedback);
            }

            var done = new List<BacklogItem>();
            var ready = new List<BacklogItem>();
            var n = 0;
            foreach (var item in BacklogData.Items(productId, size, feedbackIds, text, now))
            {
                item.Id = await bulk.NextIdAsync<BacklogItem>();
                item.RoadmapItemId = text.Chance(0.3) ? text.Pick(roadmapIds) : null;
                await bulk.InsertAsync(item);
                foreach (var tag in item.Tags)
                {
                    tag.BacklogItemId = item.Id;
                    await bulk.InsertAsync(tag);
                }

                foreach (var criterion in item.AcceptanceCriteria)
                {
                    (criterion.Id, criterion.BacklogItemId) = (await bulk.NextIdAsync<AcceptanceCriterion>(), item.Id);
                    await bulk.InsertAsync(criterion);
                }

                foreach (var link in item.SourceFeedback)
                {
                    link.BacklogItemId = item.Id;
                    await bulk.InsertAsync(link);
                }

                if (n++ % 4 == 0)
                {
                    await bulk.InsertAsync(new BacklogComment
                    {
                        Id = await bulk.NextIdAsync<BacklogComment>(), BacklogItemId = item.Id, AuthorId = owner.Id, AuthorName = owner.DisplayName,
                        Text = text.Sentence(20, 300), CreatedAt = now.AddMinutes(-n),
                    });
                }

                (item.Status == BacklogItemStatus.Done ? done : ready).Add(item);
            }

            foreach (var activity in HistoryData.For(productId, owner.Id, owner.DisplayName, size, text))
            {
                activity.Id = await bulk.NextIdAsync<Activity>();
                await bulk.InsertAsync(activity);
            }

            // Closed sprints, ten done items each, two weeks apart; then the one being planned, five items in.
            var today = DateOnly.FromDateTime(now);
            var closed = Math.Max(1, size / 1000);
            for (var s = 0; s <= closed; s++)
            {
                var isPlanned = s == closed;
                var start = today.AddDays(14 * (s - closed));
                var sprint = new Sprint
                {
                    Id = await bulk.NextIdAsync<Sprint>(), ProductId = productId, Name = $"Sprint {s + 1}", Goal = text.Sentence(30, 160),
                    StartDate = start, EndDate = start.AddDays(13), Capacity = 40, State = isPlanned ? SprintState.Planned : SprintState.Closed,
                    CreatedAt = now.AddDays(14 * (s - closed) - 3), StartedAt = isPlanned ? null : now.AddDays(14 * (s - closed)),
                    ClosedAt = isPlanned ? null : now.AddDays((14 * (s - closed)) + 13),
                    CommittedPoints = isPlanned ? null : 30, DonePoints = isPlanned ? null : 26, ReturnedPoints = isPlanned ? null : 4,
                };
                await bulk.InsertAsync(sprint);
                var members = isPlanned ? ready.Skip(ready.Count / 2).Take(5) : done.Skip(s * 10).Take(10);
                foreach (var item in members)
                {
                    await bulk.InsertAsync(new SprintItem
                    {
                        Id = await bulk.NextIdAsync<SprintItem>(), ProductId = productId, SprintId = sprint.Id, BacklogItemId = item.Id,
                        Points = item.Estimate ?? 3, Outcome = isPlanned ? SprintItemOutcome.InSprint : SprintItemOutcome.Done,
                        PlannedAt = now.AddDays(14 * (s - closed)), Title = item.Title,
                    });
                }

                if (isPlanned)
                {
                    await bulk.CommitAsync();
                    return sprint.Id;
                }
            }

            throw new InvalidOperationException("unreachable: the last sprint is the planned one");
        });
        log(string.Create(CultureInfo.InvariantCulture,
            $"generated the {size:N0}-item product ({size:N0} feedback items and history rows, {roadmapIds.Count} roadmap items) in {(DateTime.UtcNow - started).TotalSeconds:F1} s"));
        return new SizedProduct(size, productId, slug, planningSprintId);
    }

    public static LoadTarget Target(AppUnderTest app, SizedProduct product, string page, string cookie) =>
        new($"{page} n{product.Size}", new Uri(app.BaseAddress, page switch
        {
            "backlog_first_screen" => $"p/{product.Slug}/backlog",
            "history_first_screen" => $"p/{product.Slug}/history",
            "feedback_inbox" => $"p/{product.Slug}/feedback",
            "sprint_planning" => $"p/{product.Slug}/sprints/{product.PlanningSprintId}",
            _ => throw new ArgumentOutOfRangeException(nameof(page), page, null),
        }), cookie);

    /// <summary>Each page at each size: statements per view, then alternating rounds; req/s medians and the largest ÷ smallest ratio.</summary>
    public static async Task MeasureAsync(
        AppUnderTest app, LoadDriver driver, IReadOnlyList<SizedProduct> products, string cookie, BenchOptions options, BenchReport report, Action<string> log)
    {
        var (smallest, largest) = (products[0], products[^1]);
        var details = new JsonObject();
        foreach (var page in Pages)
        {
            var statements = new Dictionary<int, long>();
            foreach (var product in products)
            {
                var target = Target(app, product, page, cookie);
                await driver.GetAsync(target);
                app.Statements.Reset();
                await driver.GetAsync(target);
                statements[product.Size] = app.Statements.Count;
                await driver.RunAsync(target, options.Warmup / 2);
            }

            var rounds = products.ToDictionary(p => p.Size, _ => new List<RoundResult>());
            for (var round = 0; round < options.Rounds; round++)
            {
                // Largest first every other round, so a warming or cooling machine favours no size.
                foreach (var product in round % 2 == 0 ? products : products.Reverse())
                {
                    rounds[product.Size].Add(await driver.RunAsync(Target(app, product, page, cookie), options.Round));
                }
            }

            var pageDetails = new JsonObject();
            foreach (var product in products)
            {
                var sorted = rounds[product.Size].OrderBy(r => r.RequestsPerSecond).ToList();
                var median = sorted[sorted.Count / 2];
                report.Add($"{page}_n{product.Size}_req_per_s", Math.Round(median.RequestsPerSecond, 1));
                report.Add($"sql_statements_{page}_n{product.Size}", statements[product.Size],
                    product == smallest ? "reported" : $"= n{smallest.Size}", v => v == statements[smallest.Size]);
                pageDetails[$"n{product.Size}"] = new JsonObject
                {
                    ["requests_per_second"] = Math.Round(median.RequestsPerSecond, 1),
                    ["p50_ms"] = Math.Round(median.P50Ms, 2),
                    ["p99_ms"] = Math.Round(median.P99Ms, 2),
                    ["cpu_ms_per_request"] = Math.Round(median.CpuMsPerRequest, 2),
                    ["response_bytes"] = median.ResponseBytes,
                    ["sql_statements"] = statements[product.Size],
                };
            }

            // The ratio of medians over the same alternating rounds.
            var ratio = Median(rounds[largest.Size]) / Math.Max(0.001, Median(rounds[smallest.Size]));
            report.Add($"{page}_n{largest.Size}_vs_n{smallest.Size}_ratio", Math.Round(ratio, 3), "≥ 0.8", v => v >= 0.8);
            details[page] = pageDetails;
            log(string.Create(CultureInfo.InvariantCulture,
                $"{page}: {string.Join(", ", products.Select(p => $"n{p.Size} {Median(rounds[p.Size]):F0} req/s ({statements[p.Size]} statements)"))}; n{largest.Size} ÷ n{smallest.Size} = {ratio:F2}"));
        }

        report.Details["sizes"] = details;
    }

    private static double Median(List<RoundResult> rounds)
    {
        var sorted = rounds.Select(r => r.RequestsPerSecond).Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
