using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Features.ProductOwner.DefinitionOfDone;
using ProductRoles.Web.Features.Scrum.Sprints;

namespace ProductRoles.Tests.Infrastructure.TestData;

/// <summary>A product a test made for itself, and the builders for what goes into it.</summary>
public sealed record TestProduct(ITestApp App, string Slug, int Id)
{
    /// <summary>The product home; pages are below it.</summary>
    public string Url => "/p/" + Slug;

    public BacklogItemBuilder BacklogItem(string title) => new(this, title);

    public SprintBuilder Sprint(string name) => new(this, name);

    public RoadmapItemBuilder RoadmapItem(string title) => new(this, title);

    public GoalBuilder Goal(string title) => new(this, title);

    public InsightBuilder Insight(string title) => new(this, title);

    public FeedbackBuilder Feedback(string text) => new(this, text);

    /// <summary>Backlog items "Item 1" … "Item n", top to bottom, ready, 1 point each.</summary>
    public async Task<int[]> BacklogItemsAsync(int count)
    {
        var ids = new int[count];
        for (var n = 0; n < count; n++)
        {
            ids[n] = await BacklogItem($"Item {n + 1}").Chore().Estimate(1).CreateAsync();
        }

        return ids;
    }

    /// <summary>The ids of the product's backlog items, top to bottom.</summary>
    public Task<List<int>> BacklogOrderAsync() => App.QueryAsync(async db =>
        (await db.BacklogItems.Where(i => i.ProductId == Id).Select(i => new { i.Id, i.Rank }).ToListAsync())
        .OrderBy(i => i.Rank, StringComparer.Ordinal).Select(i => i.Id).ToList());

    /// <summary>Sends a command through the real pipeline as the given user.</summary>
    public Task<T> SendAsync<T>(string who, ICommand<T> command) => App.AsUserAsync(who, sender => sender.Send(command));

    public Task<T> AskAsync<T>(string who, IQuery<T> query) => App.AsUserAsync(who, sender => sender.Send(query));

    /// <summary>
    /// Marks the item Done as a developer would: through the Definition of Done checklist, every
    /// criterion ticked. A product without a Definition of Done gets a short one first.
    /// </summary>
    public async Task MarkDoneAsync(int itemId)
    {
        var checklist = await AskAsync(DemoUsers.Dev, new GetDoneChecklist(Slug, itemId));
        if (checklist.DefinitionOfDoneVersionId is null)
        {
            await SendAsync(DemoUsers.Po, new EditDefinitionOfDone(Slug, "Code reviewed\nTests pass", 0));
            checklist = await AskAsync(DemoUsers.Dev, new GetDoneChecklist(Slug, itemId));
        }

        await SendAsync(DemoUsers.Dev, new MarkBacklogItemDone(Slug, itemId, checklist.DefinitionOfDoneVersionId!.Value,
            [.. checklist.Criteria.Select(c => new DoneCriterionInput(c.Id, true, false, null))], checklist.ItemVersion));
    }

    /// <summary>Closes the sprint as the product owner, taking its current version.</summary>
    public async Task CloseSprintAsync(int sprintId, UnfinishedWork unfinished = UnfinishedWork.ReturnToBacklog)
    {
        var version = await App.QueryAsync(db => db.Sprints.Where(s => s.Id == sprintId).Select(s => s.Version).SingleAsync());
        await SendAsync(DemoUsers.Po, new CloseSprint(Slug, sprintId, unfinished, version));
    }
}
