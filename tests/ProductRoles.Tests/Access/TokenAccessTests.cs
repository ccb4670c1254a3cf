using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.AccessTokens;

namespace ProductRoles.Tests.Access;

/// <summary>The kinds of personal access token the walk tries, all the product owner's.</summary>
public enum TokenKind
{
    /// <summary>Read and write, every product: exactly the product owner's rights.</summary>
    ReadWrite,

    /// <summary>Read only: the product owner's reads, no writes at all.</summary>
    ReadOnly,

    /// <summary>Read and write, restricted to another product the product owner belongs to (the demo product).</summary>
    OtherProduct,
}

/// <summary>
/// Every /api/v1 row of the access walk, asked with a token of each kind: a token acts with its owner's roles and
/// never more. A read-only token is refused every write (403), a token restricted to another product finds none of
/// this one (404, as for a non-member), and a refused write changes nothing. Token writes carry no antiforgery header.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TokenAccessTests(AppFixture app)
{
    private static readonly ConditionalWeakTable<AppFixture, Task<Dictionary<TokenKind, string>>> Tokens = [];

    public static TheoryData<string, TokenKind> Cases()
    {
        var data = new TheoryData<string, TokenKind>();
        foreach (var row in AccessTests.AllRows.Where(r => r.Template.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            foreach (var kind in Enum.GetValues<TokenKind>())
            {
                data.Add(row.Name, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_token_can_do_what_its_owner_may_within_its_scope_and_product_and_no_more(string rowName, TokenKind kind)
    {
        var row = AccessTests.AllRows.Single(r => r.Name == rowName);
        var url = await row.UrlAsync(app);
        using var client = app.TokenClient((await Tokens.GetValue(app, CreateAsync))[kind]);
        var ownerAllowed = row.Allowed.Contains(Who.ProductOwner);
        var write = row.Method != "GET";
        HttpStatusCode? refusal = kind == TokenKind.OtherProduct && row.IsProductScoped ? HttpStatusCode.NotFound
            : !ownerAllowed || (kind == TokenKind.ReadOnly && write) ? HttpStatusCode.Forbidden
            : null;

        var before = await FingerprintAsync();
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), url);
        if (write)
        {
            request.Content = JsonContent.Create(row.Json ?? new { });
        }

        using var response = await client.SendAsync(request);
        if (refusal is { } refused)
        {
            Assert.True(response.StatusCode == refused, $"{row.Name} with a {kind} token answered {(int)response.StatusCode}, expected {(int)refused}.");
            Assert.Equal(before, await FingerprintAsync());
        }
        else if (write)
        {
            // Reached the handler, which refused the row's input: the validation problem, not the antiforgery refusal.
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{row.Name} with a {kind} token answered {(int)response.StatusCode}, expected 400.");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.TryGetProperty("errors", out _), $"{row.Name} with a {kind} token: 400 without field errors.");
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{row.Name} with a {kind} token answered {(int)response.StatusCode}, expected 200.");
        }
    }

    private static async Task<Dictionary<TokenKind, string>> CreateAsync(AppFixture app)
    {
        var tokens = new Dictionary<TokenKind, string>
        {
            [TokenKind.ReadWrite] = await app.CreateAsync(AppFixture.Po, AccessTokenScope.ReadWrite, name: "Walk: read-write"),
            [TokenKind.ReadOnly] = await app.CreateAsync(AppFixture.Po, AccessTokenScope.Read, name: "Walk: read only"),
            [TokenKind.OtherProduct] = await app.CreateAsync(AppFixture.Po, AccessTokenScope.ReadWrite, AppFixture.DemoSlug, "Walk: demo only"),
        };
        foreach (var token in tokens.Values)
        {
            // The first use is written to the owner's account history; later uses only move "last used".
            using var client = app.TokenClient(token);
            using var first = await client.GetAsync("/api/v1/products");
            first.EnsureSuccessStatusCode();
        }

        return tokens;
    }

    private Task<string> FingerprintAsync() => app.QueryAsync(async db =>
        $"{await db.Activities.CountAsync()}/{await db.AccountActivities.CountAsync()}/{await db.BacklogItems.CountAsync()}/{await db.FeedbackItems.CountAsync()}/{await db.Products.CountAsync()}");
}
