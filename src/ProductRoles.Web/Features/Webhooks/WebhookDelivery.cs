using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Outbox;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Outbox;
using ProductRoles.Web.Infrastructure.Webhooks;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>
/// Sends one webhook message: a signed POST of the stored body to the subscription's URL, through the
/// SSRF-guarded client; every try goes into the delivery log with its status, duration and the start of
/// the answer. A 2xx is delivered; anything else, a timeout or a refused target is a failed try. After a
/// day of failures the subscription is disabled (which writes its history, shown on the webhooks page)
/// and its messages are held in order until someone enables it again.
/// </summary>
public sealed class WebhookDelivery(
    IHttpClientFactory http, WebhookSecrets secrets, WebhookTargets targets, TimeProvider clock, IConfiguration configuration, DomainEventDispatcher events)
    : IOutboxDelivery
{
    public string Kind => WebhookOutbox.Kind;

    public TimeSpan RetryWindow => TimeSpan.FromHours(configuration.GetValue("Webhooks:RetryHours", 24.0));

    public async Task<OutboxAttempt> DeliverAsync(AppDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        var subscriptionId = int.Parse(message.Partition, System.Globalization.CultureInfo.InvariantCulture);
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (subscription is null)
        {
            return OutboxAttempt.Dropped;
        }

        if (subscription.State != WebhookSubscriptionState.Active)
        {
            return OutboxAttempt.Held;
        }

        var (deliveryId, eventName) = Identify(message.Payload);
        var attempt = new WebhookDeliveryAttempt
        {
            SubscriptionId = subscription.Id,
            OutboxMessageId = message.Id,
            DeliveryId = deliveryId,
            Event = eventName,
            AttemptedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.WebhookDeliveryAttempts.Add(attempt);

        if (targets.RefusalForUrl(subscription.Url) is { } refusal)
        {
            attempt.Error = Cut(refusal, WebhookDeliveryAttempt.ErrorMaxLength);
            return OutboxAttempt.Failed(refusal);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(message.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secrets.Unprotect(subscription.ProtectedSecret), timestamp, message.Payload));
        request.Headers.Add(WebhookSignature.EventHeader, eventName);
        request.Headers.Add(WebhookSignature.DeliveryHeader, deliveryId.ToString());

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.CreateClient(WebhookServices.HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            attempt.StatusCode = (int)response.StatusCode;
            attempt.ResponseExcerpt = await ExcerptAsync(response, cancellationToken);
            attempt.Succeeded = response.IsSuccessStatusCode;
            return attempt.Succeeded ? OutboxAttempt.Delivered : OutboxAttempt.Failed($"The receiver answered {(int)response.StatusCode}.");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or TaskCanceledException or WebhookTargetRefusedException)
        {
            var reason = ex switch
            {
                TaskCanceledException => "No answer within the timeout.",
                _ when Refusal(ex) is { } refused => refused,
                _ => "Could not connect: " + ex.Message,
            };
            attempt.Error = Cut(reason, WebhookDeliveryAttempt.ErrorMaxLength);
            return OutboxAttempt.Failed(reason);
        }
        finally
        {
            attempt.DurationMs = (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public async Task GiveUpAsync(AppDbContext db, OutboxMessage message, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        var subscriptionId = int.Parse(message.Partition, System.Globalization.CultureInfo.InvariantCulture);
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (subscription is { State: WebhookSubscriptionState.Active })
        {
            subscription.Disable($"Disabled automatically after {message.Attempts} failed deliveries over {RetryWindow.TotalHours:0.#} hours. " +
                $"Last error: {message.LastError}", now);
            // No command runs here: the event is handled at once, inside the sender's transaction (the owner is notified).
            await events.DispatchAsync(new WebhookSubscriptionDisabledAfterFailures(subscription.ProductId, subscription.Id, null,
                subscription.OwnerUserId, subscription.Url, subscription.DisabledReason ?? ""), cancellationToken);
        }

        await WebhookQueue.HoldAsync(db, subscriptionId, cancellationToken);
    }

    private static (Guid Id, string Event) Identify(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        return (root.GetProperty("id").GetGuid(), Cut(root.GetProperty("event").GetString() ?? "", WebhookDeliveryAttempt.EventMaxLength));
    }

    private static string? Refusal(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is WebhookTargetRefusedException refused)
            {
                return refused.Message;
            }
        }

        return null;
    }

    // Reads no more of the answer than the log keeps: a receiver cannot make the sender buffer megabytes.
    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new char[WebhookDeliveryAttempt.ResponseExcerptMaxLength];
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return read == 0 ? null : Printable(new string(buffer, 0, read));
    }

    // Stored text keeps to the app's rules: control characters (but line breaks and tabs) become spaces.
    private static string Printable(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if ((char.IsControl(chars[i]) && chars[i] is not ('\n' or '\r' or '\t')) || char.IsSurrogate(chars[i]) && !IsPairedAt(chars, i))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    private static bool IsPairedAt(char[] chars, int i) =>
        char.IsHighSurrogate(chars[i]) ? i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])
        : i > 0 && char.IsHighSurrogate(chars[i - 1]);

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
