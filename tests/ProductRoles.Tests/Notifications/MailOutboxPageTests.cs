using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Data.Outbox;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Features.Notifications;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.Notifications;

/// <summary>The administrator's mail outbox: what waits and why it is being retried, what failed for good, and sending a failed one again.</summary>
public sealed class MailOutboxPageTests : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new();
    private readonly List<AppFixture> _apps = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Mail_the_server_refuses_is_listed_as_waiting_with_its_tries_and_the_servers_answer()
    {
        var app = await StartAsync(retryHours: 24);
        var product = await MentionTheDeveloperAsync(app, "Waiting mail", "@dev the first");

        await MailApp.WaitForAsync(async () => (await MailAsync(app)).Any(m => m.Attempts > 0), "a failed try");

        var admin = await app.SignInAsync(AppFixture.Admin);
        var page = await admin.GetPageAsync("/admin/outbox");
        var row = Assert.Single(page.QuerySelectorAll("section[aria-labelledby='outbox-pending'] tbody tr"));
        Assert.Contains(AppFixture.Dev, row.TextContent, StringComparison.Ordinal);
        Assert.Contains($"[{product}] Oliver Owens (PO) mentioned you", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("The mail server did not take it", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 waiting to be sent, 1 of them after a failed try", page.QuerySelector("#outbox-summary")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No mail failed.", page.QuerySelector("section[aria-labelledby='outbox-failed']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_given_up_is_listed_as_failed_and_sent_again_it_arrives_once()
    {
        // A retry window of about a second: the first failures give up at once.
        var app = await StartAsync(retryHours: 0.0003);
        await MentionTheDeveloperAsync(app, "Failed mail", "@dev the second");
        await MailApp.WaitForAsync(async () => (await MailAsync(app)).All(m => m.State == OutboxMessageState.Held), "the mail to be given up");

        var admin = await app.SignInAsync(AppFixture.Admin);
        var page = await admin.GetPageAsync("/admin/outbox");
        var failed = page.QuerySelector("section[aria-labelledby='outbox-failed']")!;
        var row = Assert.Single(failed.QuerySelectorAll("tbody tr"));
        Assert.Contains(AppFixture.Dev, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("The mail server did not take it", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nothing waits to be sent.", page.QuerySelector("section[aria-labelledby='outbox-pending']")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(_smtp.Received);

        // The mail server is back; the administrator sends it again.
        _smtp.Start();
        var after = await admin.FollowAsync(await admin.SubmitAsync(page, $"#{row.Id} form"));
        Assert.Contains("The mail is queued again", after.QuerySelector(".alert-success")?.TextContent ?? "", StringComparison.Ordinal);

        var received = await _smtp.WaitForAsync(m => m.Count >= 1, "the mail sent again");
        await MailApp.WaitForAsync(async () => (await MailAsync(app)).All(m => m.State == OutboxMessageState.Delivered), "the mail delivered");
        Assert.Equal(AppFixture.Dev, Assert.Single(Assert.Single(received).To.Mailboxes).Address);
        var now = await admin.GetPageAsync("/admin/outbox");
        Assert.Contains("No mail failed.", now.QuerySelector("section[aria-labelledby='outbox-failed']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 delivered in the last 24 hours", now.QuerySelector("#outbox-summary")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // Sending it again once more changes nothing: it is no longer among the failed.
        var again = await app.AsUserAsync(AppFixture.Admin, s => s.Send(new RetryFailedMail(long.Parse(row.Id!["mail-".Length..], System.Globalization.CultureInfo.InvariantCulture))));
        Assert.False(again);
        Assert.Single(_smtp.Received);
    }

    private async Task<AppFixture> StartAsync(double retryHours)
    {
        var app = await MailApp.StartAsync(_smtp, retryHours);
        _apps.Add(app);
        return app;
    }

    private static async Task<string> MentionTheDeveloperAsync(AppFixture app, string name, string comment)
    {
        var product = await app.NewProduct(name).BuildAsync();
        await product.SendAsync(AppFixture.Dev, new SaveNotificationPreferences(
            new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.Mention] = NotificationChannel.Email }, "UTC", "08:00"));
        var item = await product.BacklogItem("Refund by card").CreateAsync();
        await product.SendAsync(AppFixture.Po, new AddBacklogComment(product.Slug, item, comment));
        return name;
    }

    private static Task<List<OutboxMessage>> MailAsync(AppFixture app) =>
        app.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == NotificationMailOutbox.Kind).ToListAsync());
}
