using System.Net;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Features.ProductManager.Vision;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.ProductManager.Vision;

/// <summary>The product vision, each test in a product of its own whose product manager has saved a first version.</summary>
[Collection(AppCollection.Name)]
public sealed class VisionTests(AppFixture app)
{
    private async Task<TestProduct> ProductWithVisionAsync()
    {
        var product = await app.NewProduct("Vision").BuildAsync();
        await product.SendAsync(AppFixture.Pm, new EditVision(product.Slug, "Checkout in one step", "Online shops",
            "- Pay fast\n- Trust the page", "A hosted checkout", "Grow merchant revenue", 0));
        return product;
    }

    [Fact]
    public async Task Saving_the_vision_adds_a_revision_and_the_comparison_marks_the_changed_words()
    {
        var product = await ProductWithVisionAsync();
        var slug = product.Slug;
        var board = await product.AskAsync(AppFixture.Pm, new GetVision(slug));
        var number = await product.SendAsync(AppFixture.Pm, new EditVision(slug, board.Statement, board.TargetGroup,
            board.Needs + "\n- Pay in their own currency", board.ProductDetails, board.BusinessGoals, board.Version));

        Assert.Equal(board.Revisions.Count + 1, number);
        var comparison = await product.AskAsync(AppFixture.Pm, new CompareVisionRevisions(slug, number - 1, number));
        var needs = comparison.Sections.Single(x => x.Section == "Needs");
        Assert.True(needs.Changed);
        Assert.Contains(needs.Segments, x => x.Kind == DiffKind.Added && x.Text.Contains("own currency", StringComparison.Ordinal));
        Assert.False(comparison.Sections.Single(x => x.Section == "Vision statement").Changed);
    }

    [Fact]
    public async Task A_vision_saved_from_an_old_version_is_a_conflict_and_writes_nothing()
    {
        var product = await ProductWithVisionAsync();
        var slug = product.Slug;
        var board = await product.AskAsync(AppFixture.Pm, new GetVision(slug));
        await product.SendAsync(AppFixture.Pm, new EditVision(slug, board.Statement, board.TargetGroup, board.Needs,
            board.ProductDetails, board.BusinessGoals + " ", board.Version));
        async Task<int> RevisionsAsync() => (await product.AskAsync(AppFixture.Pm, new GetVision(slug))).Revisions.Count;
        var revisions = await RevisionsAsync();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            product.SendAsync(AppFixture.Pm, new EditVision(slug, "Stale statement", null, null, null, null, board.Version)));
        Assert.Equal(revisions, await RevisionsAsync());
    }

    [Fact]
    public async Task Only_the_product_manager_edits_the_vision()
    {
        var product = await ProductWithVisionAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            product.SendAsync(AppFixture.Po, new EditVision(product.Slug, "The PO's vision", null, null, null, null, 1)));
        await Assert.ThrowsAsync<NotFoundException>(() => product.AskAsync(AppFixture.Outsider, new GetVision(product.Slug)));
        Assert.Equal("Checkout in one step", (await product.AskAsync(AppFixture.Pm, new GetVision(product.Slug))).Statement);
    }

    [Fact]
    public async Task An_empty_vision_statement_is_refused_beside_the_field()
    {
        var product = await ProductWithVisionAsync();
        using var pm = await app.SignInAsync(AppFixture.Pm);
        var page = await pm.GetPageAsync(product.Url + "/vision");
        using var response = await pm.SubmitAsync(page, "form.form", new Dictionary<string, string> { ["Input.Statement"] = " " });
        var result = await TestClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Write the vision statement: why the product exists.", result.FieldError("Input.Statement"));
        Assert.Equal("Checkout in one step", (await product.AskAsync(AppFixture.Pm, new GetVision(product.Slug))).Statement);
    }

    [Fact]
    public async Task Comparing_vision_revisions_marks_added_and_removed_words()
    {
        var product = await ProductWithVisionAsync();
        var board = await product.AskAsync(AppFixture.Pm, new GetVision(product.Slug));
        await product.SendAsync(AppFixture.Pm, new EditVision(product.Slug, "Checkout in one tap", board.TargetGroup, board.Needs,
            board.ProductDetails, board.BusinessGoals, board.Version));

        var po = await app.SharedClientAsync(AppFixture.Po);
        var page = await po.GetPageAsync(product.Url + "/vision/compare?from=1&to=2");
        Assert.Equal("Vision: what changed", page.Heading());
        Assert.Equal(["tap"], page.QuerySelectorAll(".diff-text ins.diff-added").Select(e => e.TextContent.Trim()));
        Assert.Equal(["step"], page.QuerySelectorAll(".diff-text del.diff-removed").Select(e => e.TextContent.Trim()));
    }
}
