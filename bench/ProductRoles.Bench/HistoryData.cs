using ProductRoles.Web.Domain;

namespace ProductRoles.Bench;

/// <summary>History rows (the app's <see cref="Activity"/> model) of realistic shape for one product.</summary>
public static class HistoryData
{
    private static readonly string[] EntityTypes = ["BacklogItem", "BacklogItem", "BacklogItem", "RoadmapItem", "Product", "ProductMember"];
    private static readonly string[] Fields = ["Title", "Status", "Estimate", "Description", "Rank", "Tags"];

    public static IEnumerable<Activity> For(int productId, string userId, string userName, int count, TextGenerator text)
    {
        var start = DateTime.UtcNow.AddDays(-400);
        for (var i = 0; i < count; i++)
        {
            var type = text.Pick(EntityTypes);
            var action = text.Chance(0.2) ? "Created" : text.Chance(0.15) ? "Moved" : "Updated";
            var field = action == "Updated" ? text.Pick(Fields) : null;
            yield return new Activity
            {
                ProductId = productId,
                OccurredAt = start.AddMinutes(i * 50.0 + text.Next(0, 40)),
                UserId = userId,
                UserName = userName,
                EntityType = type,
                EntityId = text.Next(1, 10_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                EntityLabel = "#" + text.Next(1, 10_000) + " " + text.Sentence(20, 80),
                Action = action,
                Field = field,
                OldValue = field is null ? null : text.Sentence(5, 120),
                NewValue = field is null ? null : text.Sentence(5, 120),
                Note = action == "Moved" && text.Chance(0.5) ? text.Sentence(10, 80) : null,
            };
        }
    }
}
