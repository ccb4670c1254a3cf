using Microsoft.Playwright;
using ProductRoles.BrowserTests.Infrastructure;

namespace ProductRoles.BrowserTests.Journeys;

/// <summary>
/// Two people whose browsers are connected to different app instances (as a load balancer spreads
/// them), the instances sharing one database and one Redis: a change made through instance A shows on
/// the page of someone on instance B without a reload, and each sees the other on the page.
/// On apps of their own: the journey changes the demo product.
/// </summary>
[Collection(TwoInstancesBrowserCollection.Name)]
public sealed class TwoInstancesLiveJourney(TwoInstancesBrowserApp app)
{
    private const string Backlog = "/p/acme-checkout/backlog";

    [SkippableFact]
    public async Task A_backlog_move_made_on_instance_A_reaches_the_developer_whose_browser_is_on_instance_B()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);

        var po = await app.SignInAsync("po@demo.local", app.UrlA);
        await po.GotoAsync(Backlog);
        var dev = await app.SignInAsync("dev@demo.local", app.UrlB);
        await dev.GotoAsync(Backlog);
        await Assertions.Expect(po.Locator("#live-bar[data-state='live']")).ToBeAttachedAsync();
        await Assertions.Expect(dev.Locator("#live-bar[data-state='live']")).ToBeAttachedAsync();

        // Each page lists the person connected to the other instance.
        await Assertions.Expect(po.Locator("#live-presence")).ToContainTextAsync("Dana Kim (Developer)");
        await Assertions.Expect(dev.Locator("#live-presence")).ToContainTextAsync("Oliver Owens (PO)");

        // The product owner, on A, moves the third item to the top.
        var id = await po.Locator("table.po-backlog tbody tr").Nth(2).GetAttributeAsync("data-item-id");
        await po.Locator($"#item-{id} [data-shortcut=move-top]").ClickAsync();
        await Assertions.Expect(po.Locator("table.po-backlog tbody tr").First).ToHaveAttributeAsync("data-item-id", id!);

        // The developer's page, on B, follows without a reload, and says who did it.
        await Assertions.Expect(dev.Locator("table.po-backlog tbody tr").First).ToHaveAttributeAsync("data-item-id", id!);
        await Assertions.Expect(dev.Locator("#live-status")).ToContainTextAsync($"Oliver Owens (PO) moved #{id} from position");
    }
}
