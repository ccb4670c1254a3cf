using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Outbox;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Features.Notifications;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Outbox;

namespace ProductRoles.Tests.Notifications;

/// <summary>
/// The daily digest, through the outbox to a real SMTP server: one mail per user when their digest time comes in
/// their own time zone, holding what came since their last digest, and nothing twice however often the job runs.
/// The job's rounds are run with a chosen "now" (the lease and the polling are not what is tested here).
/// </summary>
public sealed class NotificationDigestTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private readonly SmtpTestServer _smtp = new();
    private AppFixture _app = null!;

    public async Task InitializeAsync()
    {
        _smtp.Start();
        _app = await MailApp.StartAsync(_smtp);
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Each_user_gets_one_digest_at_their_local_digest_time_with_what_came_since_the_last_and_nothing_twice()
    {
        var product = await _app.NewProduct("Digest").BuildAsync();
        var start = DateTime.UtcNow;
        // Both in Tokyo (UTC+9): the developer's digest time was an hour ago there, the Scrum master's is an hour ahead.
        // Read as UTC instead, the developer's would lie 8 hours ahead and the Scrum master's 8 hours behind.
        await ChooseDigestAsync(DemoUsers.Dev, LocalTime(start.AddHours(-1)), lastDigest: start.AddHours(-2));
        await ChooseDigestAsync(DemoUsers.Sm, LocalTime(start.AddHours(1)), lastDigest: start.AddHours(-2));
        // The product manager wants a digest too, but nothing comes for them: no empty digest.
        await ChooseDigestAsync(DemoUsers.Pm, LocalTime(start.AddHours(-1)), lastDigest: start.AddHours(-2));

        await CommentAsync(product, "Alpha", "@dev @sm can you two pair on this?");
        await CommentAsync(product, "Beta", "@dev one more for you");
        var first = DateTime.UtcNow;

        Assert.Equal(1, await RunDigestAsync(first));                 // the developer's time has come; the Scrum master's not yet
        Assert.Equal(0, await RunDigestAsync(first.AddMinutes(1)));   // run again: nothing twice
        Assert.Equal(1, await RunDigestAsync(first.AddHours(2)));     // the Scrum master's time
        Assert.Equal(0, await RunDigestAsync(first.AddHours(3)));

        await CommentAsync(product, "Gamma", "@dev and this one");
        Assert.Equal(1, await RunDigestAsync(first.AddDays(1)));      // the developer's next day: only what came since

        // The rounds ran "later" than the real clock, so their mail is due then; the sender goes by the real clock: due now.
        var realNow = DateTime.UtcNow;
        await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.State == OutboxMessageState.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, realNow)));
        await _smtp.WaitForAsync(m => m.Count >= 3, "three digests");
        await MailApp.WaitForAsync(async () => await _app.QueryAsync(db => db.OutboxMessages.AllAsync(m => m.State == OutboxMessageState.Delivered)),
            "the outbox to have sent everything");
        var received = _smtp.Received;
        Assert.Equal(3, received.Count);
        Assert.All(received, m => Assert.Single(m.To.Mailboxes));

        var toDev = received.Where(m => m.To.Mailboxes.Single().Address == DemoUsers.Dev).ToList();
        Assert.Equal(2, toDev.Count);
        Assert.Equal("Your ProductRoles digest: 2 notifications", toDev[0].Subject);
        Assert.Contains("“Alpha”", toDev[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("“Beta”", toDev[0].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("“Gamma”", toDev[0].TextBody, StringComparison.Ordinal);
        Assert.Equal("Your ProductRoles digest: 1 notification", toDev[1].Subject);
        Assert.Contains("“Gamma”", toDev[1].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("“Alpha”", toDev[1].TextBody, StringComparison.Ordinal);

        var toSm = Assert.Single(received, m => m.To.Mailboxes.Single().Address == DemoUsers.Sm);
        Assert.Equal("Your ProductRoles digest: 1 notification", toSm.Subject);
        Assert.Contains("“Alpha”", toSm.TextBody, StringComparison.Ordinal);
        Assert.Contains("daily digest", toSm.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(received, m => m.To.Mailboxes.Single().Address == DemoUsers.Pm);
    }

    private static string LocalTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, Tokyo).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Mentions by digest, in Tokyo, at that local time; the last digest put back to <paramref name="lastDigest"/>.</summary>
    private async Task ChooseDigestAsync(string email, string digestAt, DateTime lastDigest)
    {
        await _app.AsUserAsync(email, s => s.Send(new SaveNotificationPreferences(
            new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.Mention] = NotificationChannel.Digest }, "Asia/Tokyo", digestAt)).AsTask());
        var userId = await _app.UserIdAsync(email);
        await _app.QueryAsync(db => db.NotificationSettings.Where(s => s.UserId == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastDigestAt, lastDigest)));
    }

    private static async Task CommentAsync(TestProduct product, string title, string text)
    {
        var item = await product.BacklogItem(title).CreateAsync();
        await product.SendAsync(DemoUsers.Po, new AddBacklogComment(product.Slug, item, text));
    }

    private async Task<int> RunDigestAsync(DateTime now)
    {
        await using var scope = _app.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await NotificationDigestJob.WriteDueDigestsAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<MailSettings>(),
            services.GetRequiredService<OutboxSignal>(), now, CancellationToken.None);
    }
}
