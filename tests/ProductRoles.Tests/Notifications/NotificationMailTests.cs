using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Data.Outbox;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Features.Notifications;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.Notifications;

/// <summary>Mail through the outbox to a real SMTP server on loopback: exactly the right messages, one recipient each, none lost or doubled when the server was down.</summary>
public sealed class NotificationMailTests : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new();
    private readonly AppFixture _app;

    public NotificationMailTests()
    {
        var factory = new AppFactory();
        factory.Settings["Smtp:Host"] = "127.0.0.1";
        factory.Settings["Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["Smtp:Security"] = "None";
        factory.Settings["Smtp:LinkBaseUrl"] = "http://localhost";
        factory.Settings["Outbox:Enabled"] = "true";
        factory.Settings["Outbox:PollSeconds"] = "0.2";
        factory.Settings["Outbox:RetryFirstSeconds"] = "0.2";
        factory.Settings["Outbox:RetryLongestMinutes"] = "0.01";
        _app = new AppFixture { Factory = factory };
    }

    public Task InitializeAsync() => _app.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_stakeholder_gets_the_review_ready_mail_alone_says_why_and_unsubscribes_with_one_click_without_signing_in()
    {
        _smtp.Start();
        var product = await _app.NewProduct("Review mail").BuildAsync();
        await product.SendAsync(AppFixture.Stakeholder, new SaveNotificationPreferences(
            new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.SprintReviewReady] = NotificationChannel.Email }, "Europe/Berlin", "08:00"));
        var item = await product.BacklogItem("Receipt by email").Estimate(3).CreateAsync();
        var sprint = await product.Sprint("Sprint 1").Planning(item).Started().CreateAsync();

        await product.CloseSprintAsync(sprint);

        var mail = Assert.Single(await _smtp.WaitForAsync(m => m.Count >= 1, "the review mail"));
        Assert.Equal(AppFixture.Stakeholder, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Empty(mail.Cc);
        Assert.Contains("Sprint 1 review is ready", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("You got this because", mail.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains($"/p/{product.Slug}/sprints/{sprint}/review", mail.HtmlBody ?? "", StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = new Uri((mail.Headers["List-Unsubscribe"] ?? "").Trim('<', '>'));
        var token = Uri.UnescapeDataString(unsubscribe.Query[7..]);
        var forgedToken = token[..^6] + (token.EndsWith("AAAAAA", StringComparison.Ordinal) ? "BBBBBB" : "AAAAAA");

        // The mail client's one-click POST: no cookie, no antiforgery token.
        using var anonymous = _app.CreateClient();
        using var forged = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/notifications/unsubscribe?token=" + Uri.EscapeDataString(forgedToken))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }),
        });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(NotificationChannel.Email, await ChannelAsync(AppFixture.Stakeholder, NotificationKind.SprintReviewReady));

        using var clicked = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Post, unsubscribe.PathAndQuery)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }),
        });
        Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        Assert.Equal(NotificationChannel.InApp, await ChannelAsync(AppFixture.Stakeholder, NotificationKind.SprintReviewReady));
    }

    [Fact]
    public async Task With_the_mail_server_down_nothing_is_lost_and_once_it_is_up_each_mail_arrives_once()
    {
        var product = await _app.NewProduct("Mail outage").BuildAsync();
        await product.SendAsync(AppFixture.Dev, new SaveNotificationPreferences(
            new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.Mention] = NotificationChannel.Email }, "UTC", "08:00"));
        var item = await product.BacklogItem("Refund by card").CreateAsync();
        foreach (var text in new[] { "@dev first", "@dev second", "@dev third" })
        {
            await product.SendAsync(AppFixture.Po, new AddBacklogComment(product.Slug, item, text));
        }

        // Down: the sender tries, fails and backs off; the rows stay pending.
        await WaitForAsync(async () => (await MailAsync()).Count == 3 && (await MailAsync()).Any(m => m.Attempts > 0), "a failed try");
        Assert.All(await MailAsync(), m => Assert.NotEqual(OutboxMessageState.Delivered, m.State));
        Assert.Empty(_smtp.Received);

        _smtp.Start();
        await WaitForAsync(async () => (await MailAsync()).All(m => m.State == OutboxMessageState.Delivered), "every mail delivered");
        await _app.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ProductRoles.Web.Infrastructure.Outbox.OutboxSender>()
            .Single().SendDueAsync(CancellationToken.None);

        var received = _smtp.Received;
        Assert.Equal(3, received.Count);
        Assert.All(received, m => Assert.Equal(AppFixture.Dev, Assert.Single(m.To.Mailboxes).Address));
        Assert.Equal(3, received.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
    }

    private Task<List<OutboxMessage>> MailAsync() =>
        _app.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == NotificationMailOutbox.Kind).ToListAsync());

    private async Task<NotificationChannel> ChannelAsync(string email, NotificationKind kind)
    {
        var userId = await _app.UserIdAsync(email);
        var settings = await _app.QueryAsync(db => db.NotificationSettings.AsNoTracking().SingleAsync(s => s.UserId == userId));
        return settings.ChannelFor(kind);
    }

    private static async Task WaitForAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited a minute for {what}.");
            }

            await Task.Delay(100);
        }
    }
}
