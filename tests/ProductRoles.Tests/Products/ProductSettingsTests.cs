using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Features.Products;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.Products;

[Collection(AppCollection.Name)]
public sealed class ProductSettingsTests(AppFixture app)
{
    /// <summary>A product of this test's own, with the demo PM as its product manager.</summary>
    private async Task<string> NewProductAsync() =>
        (await app.NewProduct("Settings Test").InStage(LifecycleStage.Discovery).WithMembers((AppFixture.Pm, ProductRole.ProductManager)).BuildAsync()).Slug;

    [Fact]
    public async Task The_PM_moves_the_product_to_launch_and_the_home_page_shifts_its_focus()
    {
        var slug = await NewProductAsync();
        using var pm = await app.SignInAsync(AppFixture.Pm);
        var before = await pm.GetPageAsync($"/p/{slug}");
        Assert.Contains("vision, goals and the roadmap come first", before.Text("main"));

        var settings = await pm.GetPageAsync($"/p/{slug}/settings");
        using var response = await pm.SubmitAsync(settings, "main form", new Dictionary<string, string> { ["Input.Stage"] = "Launch" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await pm.FollowAsync(response);
        Assert.Equal("Settings saved.", saved.Text(".alert-success"));

        var after = await pm.GetPageAsync($"/p/{slug}");
        Assert.Equal("Lifecycle stage: Launch", after.Text("#stage-heading"));
        Assert.Contains("customer feedback", after.Text("main"));
    }

    [Fact]
    public async Task An_empty_name_is_refused_beside_the_field_and_nothing_changes()
    {
        var slug = await NewProductAsync();
        using var pm = await app.SignInAsync(AppFixture.Pm);
        var before = await app.ActivityCountAsync(slug);
        var settings = await pm.GetPageAsync($"/p/{slug}/settings");
        using var response = await pm.SubmitAsync(settings, "main form", new Dictionary<string, string> { ["Input.Name"] = "  " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Enter the product's name.", page.FieldError("Input.Name"));
        Assert.Equal("Settings Test", await app.QueryAsync(db => db.Products.Where(p => p.Slug == slug).Select(p => p.Name).SingleAsync()));
        Assert.Equal(before, await app.ActivityCountAsync(slug));
    }

    [Fact]
    public async Task A_stage_that_does_not_exist_is_refused_beside_the_field()
    {
        var slug = await NewProductAsync();
        using var pm = await app.SignInAsync(AppFixture.Pm);
        var settings = await pm.GetPageAsync($"/p/{slug}/settings");
        using var response = await pm.SubmitAsync(settings, "main form", new Dictionary<string, string> { ["Input.Stage"] = "Hyperdrive" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.NotEmpty(page.FieldError("Input.Stage"));
        Assert.Equal(LifecycleStage.Discovery, await app.QueryAsync(db => db.Products.Where(p => p.Slug == slug).Select(p => p.Stage).SingleAsync()));
    }

    [Fact]
    public async Task A_stale_save_shows_both_versions_and_does_not_overwrite()
    {
        var slug = await NewProductAsync();
        using var first = await app.SignInAsync(AppFixture.Pm);
        using var second = await app.SignInAsync(AppFixture.Admin);
        var firstForm = await first.GetPageAsync($"/p/{slug}/settings");
        var secondForm = await second.GetPageAsync($"/p/{slug}/settings");

        using (var saved = await second.SubmitAsync(secondForm, "main form", new Dictionary<string, string> { ["Input.Name"] = "Renamed by admin" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var stale = await first.SubmitAsync(firstForm, "main form", new Dictionary<string, string> { ["Input.Name"] = "Renamed by PM" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await TestClient.ParseAsync(stale);
        Assert.Equal("Changed by Avery Admin while you were working", page.Text("#conflict-heading"));
        var row = page.QuerySelectorAll(".conflict tbody tr").Single(r => r.TextContent.Contains("Name", StringComparison.Ordinal));
        Assert.Contains("Renamed by PM", row.TextContent);
        Assert.Contains("Renamed by admin", row.TextContent);
        Assert.Equal("Renamed by admin", await app.QueryAsync(db => db.Products.Where(p => p.Slug == slug).Select(p => p.Name).SingleAsync()));

        // The form now carries the newer version: saving again is a deliberate overwrite.
        using var again = await first.SubmitAsync(page, "main form");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Renamed by PM", await app.QueryAsync(db => db.Products.Where(p => p.Slug == slug).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task The_handler_refuses_a_stale_version_with_a_conflict()
    {
        var slug = await NewProductAsync();
        await app.AsUserAsync(AppFixture.Pm, s => s.Send(new EditProductSettings(slug, "First", null, LifecycleStage.Discovery, 0)));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.AsUserAsync(AppFixture.Pm, s => s.Send(new EditProductSettings(slug, "Second", null, LifecycleStage.Discovery, 0))));
        Assert.Contains(conflict.Values, v => v is { Field: "Name", Yours: "Second", Theirs: "First" });
        Assert.Equal(1, conflict.CurrentVersion);
    }

    [Fact]
    public async Task Every_change_shows_in_the_history_with_old_and_new_values()
    {
        var slug = await NewProductAsync();
        using var pm = await app.SignInAsync(AppFixture.Pm);
        var settings = await pm.GetPageAsync($"/p/{slug}/settings");
        using (await pm.SubmitAsync(settings, "main form", new Dictionary<string, string> { ["Input.Stage"] = "Development" }))
        {
        }

        var history = await pm.GetPageAsync($"/p/{slug}/history");
        var entry = history.QuerySelectorAll(".history li").First();
        Assert.Contains("Priya Sharma (PM)", entry.TextContent);
        Assert.Contains("stage", entry.TextContent);
        Assert.Equal("Discovery", entry.QuerySelector("del")!.TextContent);
        Assert.Equal("Development", entry.QuerySelector("ins")!.TextContent);

        // The settings page shows the same history for the product itself.
        var again = await pm.GetPageAsync($"/p/{slug}/settings");
        Assert.Contains("Development", again.Text(".history"));
    }
}
