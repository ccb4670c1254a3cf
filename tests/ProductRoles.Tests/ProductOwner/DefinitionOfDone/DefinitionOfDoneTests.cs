using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.ProductOwner.DefinitionOfDone;

/// <summary>The Definition of Done, each test in a product of its own with seven criteria.</summary>
[Collection(AppCollection.Name)]
public sealed class DefinitionOfDoneTests(AppFixture app)
{
    private static readonly string[] Criteria =
    [
        "Code reviewed", "Unit tests pass", "Acceptance criteria met", "Accessible by keyboard", "Translated", "Release notes written",
        "Deployed to staging",
    ];

    private Task<TestProduct> NewProductAsync() => app.NewProduct("Definition of Done").WithDefinitionOfDone(Criteria).BuildAsync();

    private static Task<int> NewItemAsync(TestProduct product, string title) =>
        product.BacklogItem(title).Chore().Estimate(1).Status(BacklogItemStatus.InProgress).CreateAsync();

    [Fact]
    public async Task Marking_done_needs_every_criterion_ticked_or_waived_with_a_reason_beside_each_and_records_the_version()
    {
        var product = await NewProductAsync();
        var id = await NewItemAsync(product, "Done through the checklist");
        var dev = await app.SharedClientAsync(AppFixture.Dev);
        var page = await dev.GetPageAsync($"{product.Url}/backlog/{id}/done");
        var boxes = page.QuerySelectorAll("input[type=checkbox][name$='.Checked']").Select(b => b.GetAttribute("name")!).ToList();
        Assert.Equal(Criteria.Length, boxes.Count);

        // All ticked but the last; the second to last waived without a reason.
        var values = boxes.SkipLast(2).ToDictionary(n => n, _ => "true");
        values[boxes[^2].Replace(".Checked", ".Waived", StringComparison.Ordinal)] = "true";
        using var refused = await dev.SubmitAsync(page, "#done-form", values);
        var result = await TestClient.ParseAsync(refused);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Say why this criterion is waived.", result.FieldError(boxes[^2].Replace(".Checked", ".WaiverReason", StringComparison.Ordinal)));
        Assert.Equal("Tick this criterion, or waive it with a reason.", result.FieldError(boxes[^1]));
        Assert.Equal(BacklogItemStatus.InProgress, await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));

        values[boxes[^2].Replace(".Checked", ".WaiverReason", StringComparison.Ordinal)] = "Internal chore";
        values[boxes[^1]] = "true";
        using var accepted = await dev.SubmitAsync(page, "#done-form", values);
        var item = await dev.FollowAsync(accepted);

        Assert.Contains("is Done", item.Text("[role=status]"));
        Assert.Contains("Met the Definition of Done, version 1", item.Text("#done-heading"));
        Assert.Contains("Reason: Internal chore", item.Text(".po-done-record"));
        var record = await app.QueryAsync(db => db.BacklogItemDoneChecks.Include(d => d.Criteria).SingleAsync(d => d.BacklogItemId == id));
        Assert.Equal(boxes.Count, record.Criteria.Count);
        Assert.Equal(1, record.Criteria.Count(c => c.Waived));
    }

    [Fact]
    public async Task An_item_cannot_be_made_Done_by_editing_its_status_or_in_bulk()
    {
        var product = await NewProductAsync();
        var id = await NewItemAsync(product, "Not done by the back door");
        var version = await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == id).Select(i => i.Version).SingleAsync());

        var edit = await Assert.ThrowsAsync<ProductRoles.Web.Infrastructure.Pipeline.RequestValidationException>(() => app.AsUserAsync(AppFixture.Po,
            s => s.Send(new EditBacklogItem(product.Slug, id, new BacklogItemFields(BacklogItemType.Chore, "x", null, null, null, null, null,
                BacklogItemStatus.Done, null, null, null), version)).AsTask()));
        Assert.Contains("Definition of Done", edit.Errors["Status"][0]);
        await Assert.ThrowsAsync<ProductRoles.Web.Infrastructure.Pipeline.RequestValidationException>(() => app.AsUserAsync(AppFixture.Po,
            s => s.Send(new BulkEditBacklogItems(product.Slug, [id], null, BacklogItemStatus.Done, null, false)).AsTask()));
        Assert.Equal(BacklogItemStatus.InProgress, await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task Each_edit_of_the_Definition_of_Done_makes_a_new_version_and_a_checklist_for_an_old_version_is_refused()
    {
        var product = await NewProductAsync();
        var id = await NewItemAsync(product, "Checked against an old version");
        var checklist = await app.AsUserAsync(AppFixture.Po, s => s.Send(new GetDoneChecklist(product.Slug, id)));
        var po = await app.SharedClientAsync(AppFixture.Po);
        var page = await po.GetPageAsync($"{product.Url}/definition-of-done");
        Assert.Equal("Definition of Done", page.Heading());
        var current = page.QuerySelector("#Input_Criteria")!.TextContent.Trim();

        using var saved = await po.SubmitAsync(page, "#dod-form", new Dictionary<string, string> { ["Input.Criteria"] = current + "\nPerformance budget checked" });
        var after = await po.FollowAsync(saved);
        Assert.Contains($"Version {checklist.DefinitionOfDoneNumber + 1}", after.Text("#current-heading"));
        Assert.Contains("Performance budget checked", after.Text(".po-dod"));

        // The same (now stale) form again: a conflict, not a silent second version.
        using var stale = await po.SubmitAsync(page, "#dod-form", new Dictionary<string, string> { ["Input.Criteria"] = current + "\nSomething else" });
        Assert.Contains("Changed by Oliver Owens (PO) while you were working", (await TestClient.ParseAsync(stale)).Text(".conflict"));

        var ticks = checklist.Criteria.Select(c => new DoneCriterionInput(c.Id, true, false, null)).ToList();
        var refused = await Assert.ThrowsAsync<ProductRoles.Web.Infrastructure.Pipeline.RequestValidationException>(() => app.AsUserAsync(AppFixture.Dev,
            s => s.Send(new MarkBacklogItemDone(product.Slug, id, checklist.DefinitionOfDoneVersionId!.Value, ticks, checklist.ItemVersion)).AsTask()));
        Assert.Contains("changed while you were checking", refused.Errors[""][0]);
    }

    [Fact]
    public async Task Developers_and_scrum_masters_cannot_edit_the_Definition_of_Done_or_the_order()
    {
        var product = await NewProductAsync();
        await product.BacklogItemsAsync(2);
        foreach (var who in new[] { AppFixture.Dev, AppFixture.Sm })
        {
            var client = await app.SharedClientAsync(who);
            var page = await client.GetPageAsync($"{product.Url}/definition-of-done");
            Assert.Null(page.QuerySelector("#dod-form"));
            var backlog = await client.GetPageAsync($"{product.Url}/backlog");
            Assert.Empty(backlog.QuerySelectorAll("button[name=move]"));
            Assert.Equal("false", backlog.QuerySelector("table.po-backlog")!.GetAttribute("data-can-order"));
        }
    }
}
