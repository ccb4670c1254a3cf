using System.Net;
using System.Net.Http.Headers;
using ProductRoles.Tests.Generated;
using ProductRoles.Tests.Infrastructure;

namespace ProductRoles.Tests.Api;

/// <summary>
/// The OpenAPI document is usable, not just present: the C# client NSwag generates from it at build time (into obj/,
/// see the test project file) drives one journey end to end, from a token made on the settings page to the inbox.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class GeneratedClientTests(AppFixture app)
{
    [Fact]
    public async Task A_client_generated_from_the_document_posts_feedback_the_PO_then_sees_in_the_inbox()
    {
        var product = await app.NewProduct("Generated client").BuildAsync();

        // The support lead makes a token on their settings page, restricted to this product.
        using var po = await app.SignInAsync(AppFixture.Po);
        var settings = await po.GetPageAsync("/settings/tokens");
        using var made = await po.SubmitAsync(settings, "form.form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Help desk sync", ["Input.Scope"] = "ReadWrite", ["Input.ProductSlug"] = product.Slug,
            ["Input.ExpiresOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        var token = (await po.FollowAsync(made)).QuerySelector("#created-token")!.GetAttribute("value")!;

        using var http = app.Factory.CreateDefaultClient(new Uri("http://localhost"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var client = new ProductRolesClient(http);

        var mine = await client.ListMyProductsAsync(cursor: null);
        Assert.Equal([product.Slug], mine.Items.Select(p => p.Slug));

        var created = await client.RecordFeedbackAsync(product.Slug, new FeedbackBody
        {
            SourceKind = FeedbackSourceKind.Support, SourceName = "Help desk #88", Account = "Nordlicht GmbH",
            Text = "Invoices are missing the VAT number.", ReceivedOn = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero), Tags = "invoices",
        });
        var item = await client.GetFeedbackAsync(product.Slug, created.Id);
        Assert.Equal(FeedbackStatus.New, item.Status);

        // Refusals arrive as the document describes them: a validation problem with errors per field.
        var refused = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() =>
            client.RecordFeedbackAsync(product.Slug, new FeedbackBody { SourceKind = FeedbackSourceKind.Support, SourceName = "", Text = "" }));
        Assert.Equal((int)HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("SourceName", refused.Result.Errors.Keys);

        var inbox = await po.GetPageAsync($"/p/{product.Slug}/feedback");
        var card = inbox.QuerySelectorAll(".po-feedback-list .card").Single();
        Assert.Contains($"#{created.Id} from Help desk #88", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Invoices are missing the VAT number.", card.TextContent, StringComparison.Ordinal);
    }
}
