using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Backlog.Import;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.ProductOwner.Import;
using Microsoft.Extensions.DependencyInjection;
using static ProductRoles.Tests.ProductOwner.Import.ImportTestSupport;

namespace ProductRoles.Tests.ProductOwner.Import;

/// <summary>Importing Jira exports the generator writes with all of Jira's quirks, checked field by field.</summary>
[Collection(AppCollection.Name)]
public sealed class JiraImportTests(AppFixture app)
{
    private Task<TestProduct> NewProductAsync() => app.NewProduct("Import").BuildAsync();

    [Fact]
    public async Task A_Jira_export_becomes_the_backlog_in_Jira_order_with_every_mapped_field()
    {
        var product = await NewProductAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        var file = Jira(120, out var issues);

        var preview = await PreviewAsync(client, product, file);
        Assert.Equal("Jira CSV export", preview.Text("#import-format"));
        var stories = issues.Where(i => i.Type != "Epic").ToList();
        var epics = issues.Where(i => i.Type == "Epic").ToList();
        Assert.Equal(stories.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), preview.Text("#count-create"));
        Assert.Equal(epics.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), preview.Text("#count-epics"));
        Assert.Equal(20, preview.QuerySelectorAll("#import-sample tbody tr").Length);

        var import = await RunAsync(app, client, preview);
        Assert.Equal(ImportState.Completed, import.State);
        Assert.Equal(stories.Count, import.CreatedItems);

        var items = await app.QueryAsync(db => db.BacklogItems.AsNoTracking().Where(i => i.ProductId == product.Id).OrderBy(i => i.Rank)
            .Include(i => i.Tags).Include(i => i.AcceptanceCriteria).Include(i => i.Comments).Include(i => i.RoadmapItem).AsSplitQuery().ToListAsync());
        Assert.Equal(stories.Select(s => s.Key), items.Select(i => i.ExternalKey));
        var epicTitles = epics.ToDictionary(e => e.Key, e => e.Summary);
        var epicKeysById = epics.ToDictionary(e => e.IssueId, e => e.Key);
        foreach (var (issue, item) in stories.Zip(items))
        {
            Assert.Equal(issue.Summary, item.Title);
            Assert.Equal(issue.Type switch { "Bug" => BacklogItemType.Bug, "Task" or "Sub-task" => BacklogItemType.Chore, _ => BacklogItemType.Story }, item.Type);
            Assert.Equal(issue.Status switch
            {
                "To Do" => BacklogItemStatus.New,
                "In Progress" or "In Review" => BacklogItemStatus.InProgress,
                "Done" => BacklogItemStatus.Done,
                "Selected for Development" => BacklogItemStatus.Ready,
                _ => BacklogItemStatus.Removed,
            }, item.Status);
            Assert.Equal(issue.StoryPoints switch { null => (int?)null, "0.5" => 1, "4" => 5, var p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) }, item.Estimate);
            // Labels, components (their words kept together) and the priority, all as tags.
            Assert.Equal(issue.Labels.Select(l => l.ToLowerInvariant().Replace('_', '-'))
                .Concat(issue.Components.Select(c => c.ToLowerInvariant().Replace(' ', '-'))).Append("priority-" + issue.Priority.ToLowerInvariant()).Order(),
                item.Tags.Select(t => t.Name).Order());
            Assert.True(JiraDate.TryParse(issue.Created, out var created));
            Assert.Equal(created, item.CreatedAt);

            // Wiki markup as Markdown: headings, lists, code, links, strike-through, tables and code blocks.
            Assert.Contains("### Context", item.Description, StringComparison.Ordinal);
            Assert.Contains("- first point with `code`", item.Description, StringComparison.Ordinal);
            Assert.Contains("  - nested *detail*", item.Description, StringComparison.Ordinal);
            Assert.Contains("1. numbered one", item.Description, StringComparison.Ordinal);
            Assert.Contains($"[the spec](https://example.com/spec/{issue.Key[5..]})", item.Description, StringComparison.Ordinal);
            Assert.Contains("~~old~~", item.Description, StringComparison.Ordinal);
            Assert.Contains("| Case | Result |\n| --- | --- |\n| happy | works |", item.Description, StringComparison.Ordinal);
            Assert.Contains("```json\n{\"a\": 1, \"b\": [1,2]}\n```", item.Description, StringComparison.Ordinal);

            Assert.Equal(issue.AcceptanceCriteria is null ? [] : new[] { "Given a " + issue.Summary.Split(' ')[2], "Then it saves" },
                item.AcceptanceCriteria.OrderBy(c => c.Position).Select(c => c.Text));

            var epicKey = issue.EpicKey is { } e && epicKeysById.TryGetValue(e, out var byId) ? byId : issue.EpicKey;
            Assert.Equal(epicKey is null ? null : epicTitles[epicKey], item.RoadmapItem?.Title);

            // Comments: a member by name, anyone else named as Jira named them; the text's own semicolons kept.
            Assert.Equal(issue.Comments.Select(c => c.Author switch
                {
                    "Oliver Owens (PO)" or "dev" => "member",
                    var other => "imported from Jira: " + other,
                }),
                item.Comments.OrderBy(c => c.CreatedAt).Select(c => c.AuthorName.StartsWith("imported from Jira: ", StringComparison.Ordinal) ? c.AuthorName : "member"));
            Assert.All(item.Comments.Where(c => c.Text.StartsWith("Checked", StringComparison.Ordinal)),
                c => Assert.Contains("ok;\nnext step: **ship** it", c.Text, StringComparison.Ordinal));
        }

        // Sprints: closed, with their items.
        var sprints = await app.QueryAsync(db => db.Sprints.AsNoTracking().Where(s => s.ProductId == product.Id).Include(s => s.Items).ToListAsync());
        var sprintNames = stories.SelectMany(s => s.Sprints).Distinct().Order().ToList();
        Assert.Equal(sprintNames, sprints.Select(s => s.Name).Order());
        Assert.All(sprints, s => Assert.Equal(SprintState.Closed, s.State));
        foreach (var sprint in sprints)
        {
            Assert.Equal(stories.Where(s => s.Sprints.Contains(sprint.Name)).Select(s => s.Key).Order(),
                sprint.Items.Select(i => items.Single(x => x.Id == i.BacklogItemId).ExternalKey).Order());
        }

        // Every created item is in the history as imported.
        var imported = await app.QueryAsync(db => db.Activities.CountAsync(a => a.ProductId == product.Id && a.EntityType == "BacklogItem" && a.Action == "Imported"));
        Assert.Equal(stories.Count, imported);

        // The backlog page shows them in Jira's order; the key is on the item page and found by the text filter.
        var backlog = await client.GetPageAsync($"{product.Url}/backlog");
        Assert.Equal(stories.Take(5).Select(s => s.Summary), backlog.QuerySelectorAll(".po-backlog tbody tr a[data-shortcut=open]").Select(a => a.TextContent.Trim()).Distinct().Take(5));
        var itemPage = await client.GetPageAsync($"{product.Url}/backlog/{items[0].Id}");
        Assert.Equal(stories[0].Key, itemPage.Text(".po-external-key"));
        var found = await client.GetPageAsync($"{product.Url}/backlog?q={stories[7].Key}");
        var foundTitles = found.QuerySelectorAll(".po-backlog tbody tr[data-item-id]").Select(r => r.QuerySelector("a[href*='/backlog/']")!.TextContent.Trim()).ToList();
        Assert.Equal(stories.Where(s => s.Key.Contains(stories[7].Key, StringComparison.Ordinal)).Select(s => s.Summary), foundTitles);

        // An imported closed sprint opens like any other.
        using var sprintPage = await client.GetAsync($"{product.Url}/sprints/{sprints[0].Id}");
        Assert.Equal(HttpStatusCode.OK, sprintPage.StatusCode);
    }

    [Fact]
    public async Task Importing_the_same_file_again_updates_by_key_and_undo_puts_the_old_values_back()
    {
        var product = await NewProductAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        var first = await RunAsync(app, client, await PreviewAsync(client, product, Jira(40)));
        var before = await Snapshot(product);
        var activities = await app.ActivityCountAsync(product.Slug);

        var preview = await PreviewAsync(client, product, Jira(40));
        Assert.Equal("0", preview.Text("#count-create"));
        Assert.Equal(first.CreatedItems.ToString(System.Globalization.CultureInfo.InvariantCulture), preview.Text("#count-update"));
        var again = await RunAsync(app, client, preview);
        Assert.Equal(0, again.CreatedItems);
        Assert.Equal(first.CreatedItems, again.UpdatedItems);
        Assert.Equal(before, await Snapshot(product)); // no duplicates, no second comment, no second sprint item
        Assert.Equal(activities, await app.ActivityCountAsync(product.Slug)); // nothing changed, so no history either

        // A changed file updates the item, and undo of that import brings back what it was.
        var item = await app.QueryAsync(db => db.BacklogItems.AsNoTracking().FirstAsync(i => i.ProductId == product.Id && i.ExternalKey == "ACME-2"));
        var changed = Encoding.UTF8.GetString(Jira(40)).Replace("Split the", "Cut the", StringComparison.Ordinal);
        var update = await RunAsync(app, client, await PreviewAsync(client, product, Encoding.UTF8.GetBytes(changed)));
        Assert.Equal(ImportState.Completed, update.State);
        var progress = await client.GetPageAsync($"{product.Url}/backlog/import/{update.Id}/progress");
        using var undo = await client.SubmitAsync(progress, "#import-undo-form");
        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        Assert.Equal(before, await Snapshot(product));
        Assert.Equal(item.Title, await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == item.Id).Select(i => i.Title).SingleAsync()));

        // Undoing the first import removes everything it made.
        var firstProgress = await client.GetPageAsync($"{product.Url}/backlog/import/{first.Id}/progress");
        using var undoFirst = await client.SubmitAsync(firstProgress, "#import-undo-form");
        Assert.Equal(HttpStatusCode.Redirect, undoFirst.StatusCode);
        Assert.Equal((0, 0, 0, 0, 0), await Counts(product));
    }

    [Fact]
    public async Task A_bad_row_is_named_by_row_and_field_and_stops_the_import_unless_bad_rows_are_skipped()
    {
        var product = await NewProductAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        // Row 3's Story Points become "three" (column 22 of the generator's header).
        var withBadPoints = Encoding.UTF8.GetBytes(WithField(Encoding.UTF8.GetString(Jira(30)), "ACME-3", 21, "three"));

        var activities = await app.ActivityCountAsync(product.Slug);
        var preview = await PreviewAsync(client, product, withBadPoints);
        Assert.Contains("row 3: Custom field (Story Points) 'three' is not a number.", preview.Text("#import-errors"), StringComparison.Ordinal);
        Assert.Equal("1", preview.Text("#count-bad"));
        Assert.Equal(activities, await app.ActivityCountAsync(product.Slug)); // the preview is a dry run

        using var refused = await client.SubmitAsync(preview, "#import-start-form");
        var page = await TestClient.ParseAsync(refused);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("1 row is bad (first: row 3: Custom field (Story Points) 'three' is not a number.)", page.Text(".alert-error"), StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0, 0), await Counts(product));

        using var skip = await client.SubmitAsync(preview, "#import-mapping-form", new Dictionary<string, string> { ["Mapping.BadRows"] = "Skip" });
        var import = await RunAsync(app, client, await client.FollowAsync(skip));
        Assert.Equal(ImportState.Completed, import.State);
        Assert.Equal(1, import.SkippedRows);
        Assert.False(await app.QueryAsync(db => db.BacklogItems.AnyAsync(i => i.ProductId == product.Id && i.ExternalKey == "ACME-3")));
        Assert.True(await app.QueryAsync(db => db.BacklogItems.AnyAsync(i => i.ProductId == product.Id && i.ExternalKey == "ACME-4")));
    }

    [Fact]
    public async Task A_status_mapping_changed_on_the_preview_is_what_the_import_uses()
    {
        var product = await NewProductAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        var preview = await PreviewAsync(client, product, Jira(30, out var issues));
        var review = preview.QuerySelectorAll("#import-mapping-form label").First(l => l.TextContent.Trim() == "In Review").GetAttribute("for")!;
        var name = preview.GetElementById(review)!.GetAttribute("name")!;
        using var saved = await client.SubmitAsync(preview, "#import-mapping-form", new Dictionary<string, string> { [name] = "Ready" });
        var import = await RunAsync(app, client, await client.FollowAsync(saved));

        var reviewKeys = issues.Where(i => i.Status == "In Review" && i.Type != "Epic").Select(i => i.Key).ToList();
        Assert.NotEmpty(reviewKeys);
        var statuses = await app.QueryAsync(db => db.BacklogItems.Where(i => i.ProductId == product.Id && reviewKeys.Contains(i.ExternalKey!)).Select(i => i.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(BacklogItemStatus.Ready, s));
        Assert.Equal(ImportState.Completed, import.State);
    }

    [Fact]
    public async Task An_import_left_running_by_a_stopped_app_is_taken_back_by_the_runner_and_marked_failed()
    {
        var product = await NewProductAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        var import = await RunAsync(app, client, await PreviewAsync(client, product, Jira(30)));
        Assert.True(import.CreatedItems > 0);

        // As the database looks when the instance running it died mid-way: rows written, state still Running.
        await app.QueryAsync(db => db.BacklogImports.IgnoreQueryFilters().Where(i => i.Id == import.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ImportState.Running)));
        app.Factory.Services.GetRequiredService<BacklogImportQueue>().Notify();
        var abandoned = await FinishedAsync(app, import.Id);

        Assert.Equal(ImportState.Failed, abandoned.State);
        Assert.Contains("The app stopped during the import", abandoned.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0, 0), await Counts(product));
        Assert.Equal(0, await app.QueryAsync(db => db.RoadmapItems.CountAsync(r => r.ProductId == product.Id)));
    }

    // Replaces field `index` of the row whose Issue key is `key` (the generator's column order), through CsvHelper's own reader and writer.
    private static string WithField(string csv, string key, int index, string value)
    {
        using var input = CsvHelper.CsvReader.FromText(csv, CsvHelper.CsvReaderOptions.Default with { Separator = ',' });
        using var output = new MemoryStream();
        using (var writer = CsvHelper.CsvWriter.Create(output, CsvHelper.CsvWriterOptions.Default with { Injection = CsvHelper.CsvInjection.None }, leaveOpen: true))
        {
            foreach (var h in input.Headers)
            {
                writer.WriteField(h);
            }

            writer.EndRecord();
            while (input.Read())
            {
                for (var i = 0; i < input.FieldCount; i++)
                {
                    writer.WriteField(i == index && input.GetString(1) == key ? value : input.GetString(i));
                }

                writer.EndRecord();
            }
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    private Task<(int Items, int Tags, int Comments, int SprintItems, int Sprints)> Counts(TestProduct product) => app.QueryAsync(async db => (
        await db.BacklogItems.CountAsync(i => i.ProductId == product.Id),
        await db.BacklogItemTags.CountAsync(t => t.BacklogItem!.ProductId == product.Id),
        await db.BacklogComments.CountAsync(c => c.BacklogItem!.ProductId == product.Id),
        await db.SprintItems.CountAsync(s => s.ProductId == product.Id),
        await db.Sprints.CountAsync(s => s.ProductId == product.Id)));

    private Task<string> Snapshot(TestProduct product) => app.QueryAsync(async db =>
    {
        var items = await db.BacklogItems.AsNoTracking().Where(i => i.ProductId == product.Id).OrderBy(i => i.Rank)
            .Select(i => new { i.ExternalKey, i.Title, i.Type, i.Status, i.Estimate, i.RoadmapItemId, Tags = i.Tags.Count, Comments = i.Comments.Count, i.Description })
            .ToListAsync();
        var counts = await Counts(product);
        return System.Text.Json.JsonSerializer.Serialize(new { items, counts.Items, counts.SprintItems, counts.Sprints });
    });
}
