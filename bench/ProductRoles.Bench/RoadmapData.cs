using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Domain.Roadmap;

namespace ProductRoles.Bench;

/// <summary>
/// The product manager's side of a product of realistic size, built with the app's own model:
/// goals, market insights, and a roadmap of themes spread over Now/Next/Later, each serving goals,
/// backed by insights, RICE-scored, some with open feedback from the team; published once, then
/// edited again so the board shows draft changes.
/// </summary>
public static class RoadmapData
{
    public static async Task<IReadOnlyList<int>> GenerateAsync(AppDbContext db, int productId, int roadmapItems, TextGenerator text, DateTime now)
    {
        var goals = Enumerable.Range(0, 6).Select(_ => new Goal
        {
            ProductId = productId,
            Title = text.Sentence(20, 80),
            Description = text.Sentence(80, 300),
            Level = GoalLevel.Product,
            CreatedAt = now,
        }).ToList();
        var insights = Enumerable.Range(0, Math.Max(4, roadmapItems * 2 / 3)).Select(_ => new Insight
        {
            ProductId = productId,
            Kind = text.Pick(Enum.GetValues<InsightKind>()),
            Title = text.Sentence(20, 100),
            Summary = text.Markdown(200, 1200),
            Source = text.Chance(0.5) ? "Interview round " + text.Next(1, 20) : null,
            ObservedOn = DateOnly.FromDateTime(now.AddDays(-text.Next(1, 400))),
            Tags = Insight.NormaliseTags(string.Join(',', text.TagSet(0, 3))),
            IsOpportunity = text.Chance(0.3),
            CreatedAt = now,
        }).ToList();
        db.Goals.AddRange(goals);
        db.Insights.AddRange(insights);
        await db.SaveChangesAsync();

        // About a fifth of the roadmap is Now, a third Next and the rest Later, as a roadmap thins out with distance.
        var items = new List<RoadmapItem>();
        foreach (var (horizon, share) in new[] { (RoadmapHorizon.Now, 0.2), (RoadmapHorizon.Next, 0.33), (RoadmapHorizon.Later, 0.47) })
        {
            var count = Math.Max(1, (int)Math.Round(roadmapItems * share));
            var ranks = RankKey.Spread(count);
            for (var n = 0; n < count; n++)
            {
                var item = new RoadmapItem
                {
                    ProductId = productId,
                    Title = text.Sentence(20, 90),
                    Outcome = text.Sentence(60, 280),
                    Horizon = horizon,
                    TargetQuarter = text.Chance(0.7) ? $"2027-Q{text.Next(1, 5)}" : null,
                    Status = horizon == RoadmapHorizon.Now && text.Chance(0.6) ? RoadmapItemStatus.InProgress
                        : text.Chance(0.05) ? RoadmapItemStatus.Dropped : RoadmapItemStatus.Planned,
                    Rank = ranks[n],
                    Notes = text.Chance(0.4) ? text.Sentence(40, 300) : null,
                    CreatedAt = now.AddDays(-30),
                    UpdatedAt = now.AddDays(-30),
                };
                item.SetRice(text.Next(100, 50_000), text.Pick(RoadmapItem.ImpactScale), text.Pick([50, 80, 100]), text.Pick([0.5m, 1m, 2m, 3m, 6m]));
                foreach (var goal in Enumerable.Range(0, text.Next(1, 3)).Select(_ => text.Pick(goals)).Distinct())
                {
                    item.Goals.Add(new RoadmapItemGoal { GoalId = goal.Id });
                }

                foreach (var insight in Enumerable.Range(0, text.Next(1, 4)).Select(_ => text.Pick(insights)).Distinct())
                {
                    item.Insights.Add(new RoadmapItemInsight { InsightId = insight.Id });
                }

                items.Add(item);
            }
        }

        db.RoadmapItems.AddRange(items);
        await db.SaveChangesAsync();

        foreach (var item in items.Where(_ => text.Chance(0.35)))
        {
            for (var f = 0; f < text.Next(1, 4); f++)
            {
                var open = text.Chance(0.6);
                db.RoadmapFeedback.Add(new RoadmapFeedback
                {
                    ProductId = productId,
                    RoadmapItemId = item.Id,
                    Kind = text.Pick(Enum.GetValues<RoadmapFeedbackKind>()),
                    Body = text.Sentence(60, 400),
                    AuthorName = "Dana Developer",
                    CreatedAt = now.AddDays(-text.Next(1, 20)),
                    Status = open ? RoadmapFeedbackStatus.Open : RoadmapFeedbackStatus.Answered,
                    Answer = open ? null : text.Sentence(40, 200),
                    AnsweredBy = open ? null : "Priya PM",
                    AnsweredAt = open ? null : now.AddDays(-1),
                });
            }
        }

        var published = new PublishedRoadmap { ProductId = productId, PublishedAt = now.AddDays(-20), PublishedBy = "Priya PM", Note = "Quarterly update" };
        published.Items.AddRange(items.Select((i, position) => new PublishedRoadmapItem
        {
            RoadmapItemId = i.Id, Title = i.Title, Outcome = i.Outcome, Horizon = i.Horizon, TargetQuarter = i.TargetQuarter, Status = i.Status, Position = position,
        }));
        db.PublishedRoadmaps.Add(published);
        items[0].UpdatedAt = now.AddDays(-2);
        await db.SaveChangesAsync();
        return [.. items.Select(i => i.Id)];
    }
}
