using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using ProductRoles.BrowserTests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Data.Outbox;
using ProductRoles.Web.Features.Notifications;

namespace ProductRoles.BrowserTests.Journeys;

/// <summary>
/// A stakeholder asks for the sprint-review mail, gets it through the outbox and a real SMTP server, and
/// stops it with one click on the link in the mail, signed out; the next review reaches their inbox in the
/// app but sends them no mail. On a product of its own.
/// </summary>
[Collection(MailBrowserCollection.Name)]
public sealed class SprintReviewMailJourney(MailBrowserApp mail)
{
    private BrowserApp App => mail.App;

    [SkippableFact]
    public async Task A_stakeholder_gets_the_sprint_review_mail_and_unsubscribes_with_one_click_and_the_next_review_sends_no_mail()
    {
        Skip.If(App.SkipReason is not null, App.SkipReason);
        var product = await App.NewProduct("Review mail journey").BuildAsync();

        // The stakeholder chooses the review mail at once, in their settings.
        var stakeholder = await App.SignInAsync(DemoUsers.Stakeholder);
        await stakeholder.GotoAsync("/settings/notifications");
        await stakeholder.GetByLabel("Sprint reviews ready").SelectOptionAsync("Email");
        await stakeholder.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await stakeholder.GotoAsync("/settings/notifications");
        await Assertions.Expect(stakeholder.GetByLabel("Sprint reviews ready")).ToHaveValueAsync("Email");

        // The sprint closes: its review is ready.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = await CloseASprintAsync(product, "Sprint 1", "Receipt by email", today.AddDays(-14));

        var received = await mail.Smtp.WaitForAsync(m => m.Any(ToStakeholder), "the review mail");
        var message = Assert.Single(received, ToStakeholder);
        Assert.Equal(DemoUsers.Stakeholder, Assert.Single(message.To.Mailboxes).Address);
        Assert.Empty(message.Cc);
        Assert.Contains("Sprint 1 review is ready", message.Subject, StringComparison.Ordinal);
        Assert.Contains($"/p/{product.Slug}/sprints/{first}/review", message.TextBody ?? "", StringComparison.Ordinal);

        // The mail as a mail client shows it: a link to stop these emails, the same URL as its List-Unsubscribe header.
        var reader = await App.Browser!.NewPageAsync();
        await reader.SetContentAsync(message.HtmlBody ?? "");
        var stop = reader.GetByRole(AriaRole.Link, new() { Name = "Stop these emails (Sprint reviews ready)" });
        var link = new Uri(await stop.GetAttributeAsync("href") ?? "");
        Assert.Equal($"<{link}>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        await reader.CloseAsync();

        // Followed signed out (a fresh context, no cookie): one click stops it.
        var signedOut = await App.Browser.NewContextAsync(new() { BaseURL = App.BaseUrl });
        var page = await signedOut.NewPageAsync();
        await page.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(page.GetByText("Stop the email about “Sprint reviews ready”?")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("you get no more email about “Sprint reviews ready”");
        await signedOut.CloseAsync();

        // Their settings say so.
        await stakeholder.GotoAsync("/settings/notifications");
        await Assertions.Expect(stakeholder.GetByLabel("Sprint reviews ready")).ToHaveValueAsync("InApp");

        // The next review: in their inbox in the app, but no mail.
        await CloseASprintAsync(product, "Sprint 2", "Refund by card", today);
        await stakeholder.GotoAsync("/notifications");
        await Assertions.Expect(stakeholder.Locator(".inbox-open", new() { HasTextString = "Sprint 2 review is ready" })).ToBeVisibleAsync();
        var stakeholderId = await App.QueryAsync(db => db.Users.Where(u => u.Email == DemoUsers.Stakeholder).Select(u => u.Id).SingleAsync());
        // The one mail row they ever had is the first review's, delivered; the server got that one only.
        var theirMail = await App.QueryAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == NotificationMailOutbox.Kind && m.Partition == stakeholderId).Select(m => m.State).ToListAsync());
        Assert.Single(theirMail);
        await WaitForAsync(async () => (await App.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.State == OutboxMessageState.Pending))) == false,
            "the outbox to have sent everything");
        Assert.Single(mail.Smtp.Received, ToStakeholder);
    }

    private static bool ToStakeholder(MimeMessage m) => m.To.Mailboxes.Any(a => a.Address == DemoUsers.Stakeholder);

    private static async Task<int> CloseASprintAsync(TestProduct product, string name, string story, DateOnly start)
    {
        var item = await product.BacklogItem(story).Estimate(3).CreateAsync();
        var sprint = await product.Sprint(name).Starting(start).Planning(item).Started().CreateAsync();
        await product.CloseSprintAsync(sprint);
        return sprint;
    }

    /// <summary>A guard against hanging, not a timing assertion.</summary>
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
