using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.AccessTokens;

namespace ProductRoles.Tests.Api;

/// <summary>The members page over the API: everyone reads who is in the product, page by page; an administrator adds, re-roles and removes.</summary>
[Collection(AppCollection.Name)]
public sealed class MembersApiTests(AppFixture app)
{
    [Fact]
    public async Task An_administrator_adds_a_member_changes_their_role_and_removes_them_and_members_read_the_list_by_cursor()
    {
        var product = await app.NewProduct("Members API").BuildAsync();
        using var admin = app.TokenClient(await app.CreateAsync(AppFixture.Admin, AccessTokenScope.ReadWrite, name: "Provisioning"));
        var url = $"/api/v1/products/{product.Slug}/members";
        Task<int> HistoryAsync() => app.QueryAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.ProductId == product.Id).CountAsync());
        var before = await HistoryAsync();

        using (var unknown = await admin.PutAsJsonAsync(url, new { email = "nobody@nowhere.test", role = "Developer" }))
        {
            await ApiAssert.FieldErrorsAsync(unknown, "Email");
        }

        using (var noRole = await admin.PutAsJsonAsync(url, new { email = AppFixture.Outsider }))
        {
            await ApiAssert.FieldErrorsAsync(noRole, "Role");
        }

        using (var added = await admin.PutAsJsonAsync(url, new { email = AppFixture.Outsider, role = "Developer" }))
        {
            Assert.True(added.StatusCode == HttpStatusCode.NoContent, await added.Content.ReadAsStringAsync());
        }

        using (var promoted = await admin.PutAsJsonAsync(url, new { email = AppFixture.Outsider, role = "ScrumMaster" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, promoted.StatusCode);
        }

        // A member of the product reads the list; the developer's own token cannot change it.
        using var dev = app.TokenClient(await app.CreateAsync(AppFixture.Dev, AccessTokenScope.ReadWrite, product.Slug));
        var members = await (await dev.GetAsync(url)).Content.ReadFromJsonAsync<JsonElement>();
        var outsider = members.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("email").GetString() == AppFixture.Outsider);
        Assert.Equal("ScrumMaster", outsider.GetProperty("role").GetString());
        Assert.Equal(6, members.GetProperty("total").GetInt32());
        using (var refused = await dev.PutAsJsonAsync(url, new { email = AppFixture.Outsider, role = "ProductOwner" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var removed = await admin.DeleteAsync($"{url}/{outsider.GetProperty("userId").GetString()}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        using (var again = await admin.DeleteAsync($"{url}/{outsider.GetProperty("userId").GetString()}"))
        {
            await ApiAssert.FieldErrorsAsync(again, "");
        }

        var after = await (await dev.GetAsync(url)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), m => m.GetProperty("email").GetString() == AppFixture.Outsider);
        Assert.Equal(before + 3, await HistoryAsync());
    }
}
