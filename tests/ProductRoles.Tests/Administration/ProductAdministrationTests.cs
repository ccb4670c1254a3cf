using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.Administration;

[Collection(AppCollection.Name)]
public sealed class ProductAdministrationTests(AppFixture app)
{
    [Fact]
    public async Task A_slug_already_in_use_is_refused_by_the_handler()
    {
        var taken = (await app.NewProduct("Original").BuildAsync()).Slug;
        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            app.AsUserAsync(AppFixture.Admin, s => s.Send(new CreateProduct("Copy", taken, LifecycleStage.Discovery, null))));
        Assert.Equal($"Another product already uses the slug “{taken}”.", error.Errors["Slug"].Single());
        Assert.Equal(["Original"], await app.QueryAsync(db => db.Products.Where(p => p.Slug == taken).Select(p => p.Name).ToListAsync()));
    }

    [Fact]
    public async Task Creating_a_product_with_bad_input_shows_messages_beside_the_fields()
    {
        using var admin = await app.SignInAsync(AppFixture.Admin);
        var count = await app.QueryAsync(db => db.Products.CountAsync());
        var page = await admin.GetPageAsync("/admin/products");
        using var response = await admin.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.Slug"] = "Not A Slug!",
        });
        var result = await TestClient.ParseAsync(response);
        Assert.Equal("Enter the product's name.", result.FieldError("Input.Name"));
        Assert.Equal("Use lower-case letters, digits and single dashes, e.g. acme-checkout.", result.FieldError("Input.Slug"));
        Assert.Equal(count, await app.QueryAsync(db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task A_user_given_a_role_sees_the_product_and_loses_it_when_removed()
    {
        var slug = "membership-" + Guid.NewGuid().ToString("N")[..8];
        var email = $"member-{Guid.NewGuid():N}@test.local";
        using var admin = await app.SignInAsync(AppFixture.Admin);

        var users = await admin.GetPageAsync("/admin/users");
        using (var created = await admin.SubmitAsync(users, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "Morgan Member", ["Input.Password"] = "a-long-enough-password",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var products = await admin.GetPageAsync("/admin/products");
        using (var createdProduct = await admin.SubmitAsync(products, "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Membership Test", ["Input.Slug"] = slug, ["Input.Stage"] = "Growth",
        }))
        {
            Assert.Equal($"/p/{slug}/members", createdProduct.Headers.Location!.OriginalString);
        }

        var members = await admin.GetPageAsync($"/p/{slug}/members");
        using (var given = await admin.SubmitAsync(members, "form[action$='handler=SetRole']", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Role"] = "Developer",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        }

        using var member = app.CreateClient();
        await member.SignInAsync(email, "a-long-enough-password");
        var home = await member.GetPageAsync("/");
        var card = home.QuerySelectorAll(".card").Single(c => c.TextContent.Contains("Membership Test", StringComparison.Ordinal));
        Assert.Contains("Developer", card.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/p/{slug}")).StatusCode);

        members = await admin.GetPageAsync($"/p/{slug}/members");
        var removeForm = members.QuerySelectorAll("form[action$='handler=Remove']")
            .Single(f => f.ParentElement!.ParentElement!.TextContent.Contains(email, StringComparison.Ordinal));
        removeForm.Id = "remove-me";
        using (await admin.SubmitAsync(members, "#remove-me"))
        {
        }

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/p/{slug}")).StatusCode);
        Assert.DoesNotContain("Membership Test", (await member.GetPageAsync("/")).Text("main"));
    }

    [Fact]
    public async Task A_short_password_and_a_taken_email_are_refused_beside_the_fields()
    {
        using var admin = await app.SignInAsync(AppFixture.Admin);
        var users = await admin.GetPageAsync("/admin/users");
        using var shortPassword = await admin.SubmitAsync(users, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = AppFixture.Pm, ["Input.DisplayName"] = "Someone", ["Input.Password"] = "short",
        });
        var page = await TestClient.ParseAsync(shortPassword);
        Assert.Equal("Use at least 12 characters for the password.", page.FieldError("Input.Password"));

        using var taken = await admin.SubmitAsync(users, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = AppFixture.Pm, ["Input.DisplayName"] = "Someone", ["Input.Password"] = "long-enough-password-1",
        });
        Assert.Equal("A user with this email address already exists.", (await TestClient.ParseAsync(taken)).FieldError("Input.Email"));
    }

    [Fact]
    public async Task Membership_changes_are_recorded_in_the_product_history()
    {
        var slug = "history-" + Guid.NewGuid().ToString("N")[..8];
        await app.AsUserAsync(AppFixture.Admin, async s =>
        {
            await s.Send(new CreateProduct("History Test", slug, LifecycleStage.Growth, null));
            await s.Send(new SetMemberRole(slug, AppFixture.Dev, ProductRole.Developer));
            await s.Send(new SetMemberRole(slug, AppFixture.Dev, ProductRole.ScrumMaster));
        });
        var entries = await app.QueryAsync(db => db.Activities
            .Where(a => db.Products.Any(p => p.Slug == slug && p.Id == a.ProductId)).OrderBy(a => a.Id)
            .Select(a => new { a.UserName, a.EntityType, a.Action, a.Field, a.OldValue, a.NewValue }).ToListAsync());
        Assert.Equal(["Product/Created", "ProductMember/Created", "ProductMember/Updated"], entries.Select(e => $"{e.EntityType}/{e.Action}"));
        Assert.Equal(("Role", "Developer", "Scrum master"), (entries[2].Field, entries[2].OldValue, entries[2].NewValue));
        Assert.All(entries, e => Assert.Equal("Avery Admin", e.UserName));
    }
}
