using System.Globalization;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Features.Notifications;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.Notifications;

/// <summary>The time zone a user stores in their notification settings is the one the app shows them dates in.</summary>
[Collection(AppCollection.Name)]
public sealed class UserTimeZoneTests(AppFixture app)
{
    [Fact]
    public async Task A_comment_and_its_history_show_in_the_readers_own_time_zone_and_in_UTC_for_one_who_chose_none()
    {
        const string TokyoOwner = "tokyo-owner@test.local";
        await app.AsUserAsync(AppFixture.Admin, s => s.Send(new CreateUser(TokyoOwner, "Taro Tanaka", AppFactory.DemoPassword, false)).AsTask());
        var product = await app.NewProduct("Time zones").WithMembers((AppFixture.Po, ProductRole.ProductOwner), (TokyoOwner, ProductRole.ProductOwner), (AppFixture.Dev, ProductRole.Developer)).BuildAsync();
        await product.SendAsync(TokyoOwner, new SaveNotificationPreferences(new Dictionary<NotificationKind, NotificationChannel>(), "Asia/Tokyo", "08:00"));
        var item = await product.BacklogItem("Rotate the keys").CreateAsync();
        await product.SendAsync(AppFixture.Dev, new AddBacklogComment(product.Slug, item, "Done on staging"));

        var owner = await app.SignInAsync(TokyoOwner);
        var inTokyo = await owner.GetPageAsync($"/p/{product.Slug}/backlog/{item}");
        var commentTime = inTokyo.QuerySelector("[id^='comment-'] time")!;
        var utc = DateTime.Parse(commentTime.GetAttribute("datetime")!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        var tokyo = utc.AddHours(9);
        Assert.Equal(tokyo.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC+09:00", commentTime.TextContent);
        Assert.Contains("UTC+09:00", inTokyo.QuerySelector(".history time")?.TextContent ?? "", StringComparison.Ordinal);

        var dev = await app.SharedClientAsync(AppFixture.Dev);
        var inUtc = await dev.GetPageAsync($"/p/{product.Slug}/backlog/{item}");
        Assert.Equal(utc.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC", inUtc.QuerySelector("[id^='comment-'] time")!.TextContent);
    }
}
