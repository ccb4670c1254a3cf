using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Ranking;

namespace ProductRoles.Bench;

/// <summary>
/// Backlog items of realistic shape, built with the app's own model: user stories with "As a … I
/// want … so that …", Markdown descriptions with lists and links, estimates, statuses, tags,
/// acceptance criteria and links to the customer feedback they came from; ranks evenly spread.
/// </summary>
public static class BacklogData
{
    private static readonly string[] Personas = ["returning shopper", "merchant", "finance lead", "support agent", "first-time buyer", "store owner"];

    public static IReadOnlyList<FeedbackItem> Feedback(int productId, int count, TextGenerator text, DateTime now) =>
        [.. Enumerable.Range(0, count).Select(n => new FeedbackItem
        {
            ProductId = productId,
            SourceKind = text.Pick(Enum.GetValues<FeedbackSourceKind>()),
            SourceName = text.Sentence(8, 40),
            Account = text.Chance(0.5) ? "Account " + text.Next(100, 999) : null,
            Text = text.Sentence(80, 600),
            ReceivedOn = DateOnly.FromDateTime(now.AddDays(-text.Next(1, 300))),
            Tags = string.Join(" ", text.TagSet(0, 3)),
            Status = FeedbackStatus.New,
            CreatedAt = now,
            UpdatedAt = now,
        })];

    public static IEnumerable<BacklogItem> Items(int productId, int count, IReadOnlyList<int> feedbackIds, TextGenerator text, DateTime now)
    {
        var ranks = RankKey.Spread(count);
        for (var n = 0; n < count; n++)
        {
            var type = text.Chance(0.75) ? BacklogItemType.Story : text.Chance(0.6) ? BacklogItemType.Bug : BacklogItemType.Chore;
            var item = new BacklogItem
            {
                ProductId = productId,
                Type = type,
                Title = text.Sentence(25, 110),
                AsA = type == BacklogItemType.Story ? text.Pick(Personas) : null,
                IWant = type == BacklogItemType.Story ? text.Sentence(30, 160).ToLowerInvariant() : null,
                SoThat = type == BacklogItemType.Story ? text.Sentence(20, 120).ToLowerInvariant() : null,
                Description = text.Chance(0.85) ? text.Markdown(150, 1800) : null,
                Estimate = text.Chance(0.7) ? text.Pick(BacklogItem.Estimates) : null,
                Status = n < count / 20 ? BacklogItemStatus.Done
                    : n < count / 10 ? BacklogItemStatus.InProgress
                    : n < count / 4 ? BacklogItemStatus.Ready : BacklogItemStatus.New,
                Rank = ranks[n],
                CreatedAt = now.AddMinutes(-count + n),
                UpdatedAt = now.AddMinutes(-count + n),
            };
            foreach (var tag in text.TagSet(0, 4))
            {
                item.Tags.Add(new BacklogItemTag { Name = tag });
            }

            for (var c = 0; c < text.Next(0, 6); c++)
            {
                item.AcceptanceCriteria.Add(new AcceptanceCriterion { Position = c + 1, Text = text.Sentence(30, 160), IsMet = text.Chance(0.3) });
            }

            if (feedbackIds.Count > 0 && text.Chance(0.1))
            {
                item.SourceFeedback.Add(new BacklogItemFeedbackLink { FeedbackItemId = text.Pick(feedbackIds) });
            }

            yield return item;
        }
    }
}
