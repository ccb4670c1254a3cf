using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Features.ProductOwner.DefinitionOfDone;

namespace ProductRoles.Tests.ProductOwner;

[Collection(AppCollection.Name)]
public sealed class DefinitionOfDoneTests(AppFixture app)
{
    private const string Slug = AppFixture.DemoSlug;

    private Task<int> NewItemAsync(string title) => app.AsUserAsync(AppFixture.Po, s => s.Send(new CreateBacklogItem(Slug,
        new BacklogItemFields(BacklogItemType.Chore, title, null, null, null, null, 1, BacklogItemStatus.InProgress, null, null, null))));

    [Fact]
    public async Task Marking_done_needs_every_criterion_ticked_or_waived_with_a_reason_beside_each_and_records_the_version()
    {
        var id = await NewItemAsync("Done through the checklist");
        var dev = await app.SharedClientAsync(AppFixture.Dev);
        var page = await dev.GetPageAsync($"/p/{Slug}/backlog/{id}/done");
        var boxes = page.QuerySelectorAll("input[type=checkbox][name$='.Checked']").Select(b => b.GetAttribute("name")!).ToList();
        Assert.InRange(boxes.Count, 6, 8);

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
        var number = await app.QueryAsync(db => db.DefinitionOfDoneVersions.MaxAsync(v => v.Number));
        Assert.Contains($"Met the Definition of Done, version {number}", item.Text("#done-heading"));
        Assert.Contains("Reason: Internal chore", item.Text(".po-done-record"));
        var record = await app.QueryAsync(db => db.BacklogItemDoneChecks.Include(d => d.Criteria).SingleAsync(d => d.BacklogItemId == id));
        Assert.Equal(boxes.Count, record.Criteria.Count);
        Assert.Equal(1, record.Criteria.Count(c => c.Waived));
    }

    [Fact]
    public async Task An_item_cannot_be_made_Done_by_editing_its_status_or_in_bulk()
    {
        var id = await NewItemAsync("Not done by the back door");
        var version = await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == id).Select(i => i.Version).SingleAsync());

        var edit = await Assert.ThrowsAsync<ProductRoles.Web.Infrastructure.Pipeline.RequestValidationException>(() => app.AsUserAsync(AppFixture.Po,
            s => s.Send(new EditBacklogItem(Slug, id, new BacklogItemFields(BacklogItemType.Chore, "x", null, null, null, null, null,
                BacklogItemStatus.Done, null, null, null), version)).AsTask()));
        Assert.Contains("Definition of Done", edit.Errors["Status"][0]);
        await Assert.ThrowsAsync<ProductRoles.Web.Infrastructure.Pipeline.RequestValidationException>(() => app.AsUserAsync(AppFixture.Po,
            s => s.Send(new BulkEditBacklogItems(Slug, [id], null, BacklogItemStatus.Done, null, false)).AsTask()));
        Assert.Equal(BacklogItemStatus.InProgress, await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task Each_edit_of_the_Definition_of_Done_makes_a_new_version_and_a_checklist_for_an_old_version_is_refused()
    {
        var id = await NewItemAsync("Checked against an old version");
        var checklist = await app.AsUserAsync(AppFixture.Po, s => s.Send(new GetDoneChecklist(Slug, id)));
        var po = await app.SharedClientAsync(AppFixture.Po);
        var page = await po.GetPageAsync($"/p/{Slug}/definition-of-done");
        Assert.Equal("Definition of Done", page.Heading());
        var current = page.QuerySelector("#Input_Criteria")!.TextContent.Trim();

        using var saved = await po.SubmitAsync(page, "#dod-form", new Dictionary<string, string> { ["Input.Criteria"] = current + "\nPerformance budget checked" });
        var after = await po.FollowAsync(saved);
        Assert.Contains($"Version {checklist.DefinitionOfDoneNumber + 1}", after.Text("#current-heading"));
        Assert.Contains("Performance budget checked", after.Text(".po-dod"));

        // The same (now stale) form again: a conflict, not a silent second version.
        using var stale = await po.SubmitAsync(page, "#dod-form", new Dictionary<string, string> { ["Input.Criteria"] = current + "\nSomething else" });
        Assert.Contains("Changed by someone else", (await TestClient.ParseAsync(stale)).Text(".conflict"));

        var ticks = checklist.Criteria.Select(c => new DoneCriterionInput(c.Id, true, false, null)).ToList();
        var refused = await Assert.ThrowsAsync<ProductRoles.Web.Infrastructure.Pipeline.RequestValidationException>(() => app.AsUserAsync(AppFixture.Dev,
            s => s.Send(new MarkBacklogItemDone(Slug, id, checklist.DefinitionOfDoneVersionId!.Value, ticks, checklist.ItemVersion)).AsTask()));
        Assert.Contains("changed while you were checking", refused.Errors[""][0]);

        // Put the demo's Definition of Done back as it was, as a further version.
        await app.AsUserAsync(AppFixture.Po, s => s.Send(new EditDefinitionOfDone(Slug, current, checklist.DefinitionOfDoneNumber + 1)));
    }

    [Fact]
    public async Task Developers_and_scrum_masters_cannot_edit_the_Definition_of_Done_or_the_order()
    {
        foreach (var who in new[] { AppFixture.Dev, AppFixture.Sm })
        {
            var client = await app.SharedClientAsync(who);
            var page = await client.GetPageAsync($"/p/{Slug}/definition-of-done");
            Assert.Null(page.QuerySelector("#dod-form"));
            var backlog = await client.GetPageAsync($"/p/{Slug}/backlog");
            Assert.Empty(backlog.QuerySelectorAll("form.po-move"));
            Assert.Empty(backlog.QuerySelectorAll("tr[draggable=true]"));
        }
    }
}
