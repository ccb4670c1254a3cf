using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Notifications;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>
/// What one notification mail says, the same for all its recipients (so it is written once per statement):
/// the recipient is the outbox row's partition, and their address, name and unsubscribe link are looked
/// up when it is sent. <paramref name="Why"/> says why they got it ("you were mentioned").
/// </summary>
public sealed record NotificationMail(NotificationKind Kind, string Product, string Text, string Url, string Why)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}

/// <summary>What a mail row of the outbox holds: one notification, or a digest.</summary>
public sealed record MailPayload(NotificationMail? Notification = null, DigestMail? Digest = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, NotificationMail.Json);

    public static MailPayload FromJson(string json) => JsonSerializer.Deserialize<MailPayload>(json, NotificationMail.Json) ?? new MailPayload();
}

/// <summary>A daily digest: the recipient's unread notifications of their digest kinds, from (exclusive) to (inclusive), UTC.</summary>
public sealed record DigestMail(DateTime From, DateTime To);

/// <summary>The outbox kind of notification mail: one partition per recipient, so their mail goes out in order.</summary>
public static class NotificationMailOutbox
{
    public const string Kind = "mail";

    /// <summary>One outbox row per recipient, in one INSERT … SELECT, inside the command's transaction.</summary>
    public static Task EnqueueAsync(AppDbContext db, IReadOnlyList<string> userIds, string payload, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = $"""
            INSERT INTO "OutboxMessages" ("Kind", "Partition", "Payload", "CreatedAt", "State", "Attempts", "NextAttemptAt")
            SELECT {"{1}"}, r."value", {"{2}"}, {"{3}"}, 'Pending', 0, {"{3}"} FROM {RecipientList.Source(db)} AS r
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [JsonSerializer.Serialize(userIds), Kind, payload, now], cancellationToken);
    }
}
