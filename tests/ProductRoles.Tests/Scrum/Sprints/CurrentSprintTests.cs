using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.SprintBoard;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.Scrum.Sprints;

/// <summary>The current sprint panel on the product home: the demo's active sprint, and products of their own for the rest.</summary>
[Collection(AppCollection.Name)]
public sealed class CurrentSprintTests(AppFixture app)
{
    private const string Demo = AppFixture.DemoSlug;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static IElement? Panel(IParentNode page) => page.QuerySelector(".home-panel[data-panel='CurrentSprint']");

    private async Task<(TestProduct Product, int[] Items)> ProductWithBacklogAsync(params int[] estimates)
    {
        var product = await app.NewProduct("Home sprint").BuildAsync();
        var ids = new List<int>();
        foreach (var (estimate, n) in estimates.Select((e, n) => (e, n)))
        {
            ids.Add(await product.BacklogItem($"Item {n + 1}").Chore().Estimate(estimate).CreateAsync());
        }

        return (product, [.. ids]);
    }

    private Task<int> CreateSprintAsync(string slug, string name, DateOnly start) =>
        app.AsUserAsync(AppFixture.Sm, sender => sender.Send(new CreateSprint(slug, name, "Shoppers pay in one step", start, start.AddDays(13), 10, false)));

    private Task SendAsync<T>(string who, Mediator.ICommand<T> command) => app.AsUserAsync(who, async sender => await sender.Send(command));

    private Task<string> UserIdAsync(string email) => app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task A_developer_leads_the_demo_home_page_with_the_demo_sprint_its_goal_days_left_and_points_done_of_committed()
    {
        // Done means Done in the sprint or by the Definition of Done, as the burndown counts it.
        var expected = await app.QueryAsync(async db =>
        {
            var sprint = await db.Sprints.Where(s => s.Product!.Slug == Demo && s.State == SprintState.Active)
                .Select(s => new { s.Id, s.Name, s.Goal, s.EndDate }).SingleAsync();
            var items = await db.SprintItems.Where(i => i.SprintId == sprint.Id && i.Outcome != SprintItemOutcome.Removed)
                .Select(i => new { i.Points, Done = i.Outcome == SprintItemOutcome.Done || i.BacklogItem!.Status == BacklogItemStatus.Done })
                .ToListAsync();
            return (sprint.Id, sprint.Name, sprint.Goal, DaysLeft: sprint.EndDate.DayNumber - Today.DayNumber + 1,
                Done: items.Where(i => i.Done).Sum(i => i.Points), Committed: items.Sum(i => i.Points));
        });
        Assert.InRange(expected.Done, 1, expected.Committed - 1); // the demo sprint is part done

        var dev = await app.SharedClientAsync(AppFixture.Dev);
        var home = await dev.GetPageAsync("/p/" + Demo);

        var panel = Panel(home)!;
        Assert.Same(panel, home.QuerySelector(".home-panel"));
        Assert.Equal("Current sprint: " + expected.Name, panel.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains(expected.Goal, panel.QuerySelector(".sprint-goal")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(expected.DaysLeft.ToString(System.Globalization.CultureInfo.InvariantCulture), panel.QuerySelector("[data-days-left]")!.GetAttribute("data-days-left"));
        Assert.Contains($"{expected.DaysLeft} days left", panel.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{expected.Done} / {expected.Committed} pts", panel.QuerySelector("[data-points]")!.TextContent.Trim());
        var bar = panel.QuerySelector("progress")!;
        Assert.Equal((expected.Done.ToString(System.Globalization.CultureInfo.InvariantCulture), expected.Committed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (bar.GetAttribute("value"), bar.GetAttribute("max")));
        Assert.NotNull(panel.QuerySelector($".page-head a[href='/p/{Demo}/sprints/{expected.Id}/board']"));

        // Dana's unfinished tasks in the demo sprint, and none of anyone else's or finished ones.
        var (mine, others) = await app.QueryAsync(async db =>
        {
            var dana = await db.Users.Where(u => u.Email == AppFixture.Dev).Select(u => u.Id).SingleAsync();
            var tasks = await db.SprintTasks.Where(t => t.SprintItem!.SprintId == expected.Id)
                .Select(t => new { t.Title, Mine = t.OwnerId == dana && t.State != SprintTaskState.Done }).ToListAsync();
            return (tasks.Where(t => t.Mine).Select(t => t.Title).ToList(), tasks.Where(t => !t.Mine).Select(t => t.Title).ToList());
        });
        Assert.NotEmpty(mine);
        Assert.NotEmpty(others);
        foreach (var title in mine)
        {
            Assert.Contains(title, panel.TextContent, StringComparison.Ordinal);
        }

        foreach (var title in others.Except(mine))
        {
            Assert.DoesNotContain(title, panel.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Only_the_callers_open_tasks_show_and_the_query_runs_the_same_few_statements_however_many_there_are()
    {
        var (product, items) = await ProductWithBacklogAsync(5, 3, 2);
        var slug = product.Slug;
        var sprint = await CreateSprintAsync(slug, "Tasks sprint", Today.AddDays(-2));
        foreach (var id in items)
        {
            await SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, id));
        }

        await SendAsync(AppFixture.Sm, new StartSprint(slug, sprint, 0));
        await product.MarkDoneAsync(items[2]);
        var dev = await UserIdAsync(AppFixture.Dev);
        var sm = await UserIdAsync(AppFixture.Sm);
        Task<int> AddTaskAsync(int item, string title, string? owner) =>
            app.AsUserAsync(AppFixture.Dev, sender => sender.Send(new AddSprintTask(slug, sprint, item, title, owner, 4)));
        var started = await AddTaskAsync(items[0], "Mine, started", dev);
        await SendAsync(AppFixture.Dev, new UpdateSprintTask(slug, sprint, started, dev, 2, SprintTaskState.InProgress, 0));
        await AddTaskAsync(items[1], "Mine, to do", dev);
        var finished = await AddTaskAsync(items[1], "Mine, finished", dev);
        await SendAsync(AppFixture.Dev, new UpdateSprintTask(slug, sprint, finished, dev, 0, SprintTaskState.Done, 0));
        await AddTaskAsync(items[0], "The Scrum master's", sm);
        await AddTaskAsync(items[0], "Nobody's yet", null);

        async Task<(CurrentSprintView View, long Statements)> AskAsync(string who)
        {
            (CurrentSprintView View, long Statements) result = default;
            await app.AsUserAsync(who, async sender =>
            {
                app.Factory.SqlCommands.Reset();
                var view = await sender.Send(new GetCurrentSprint(slug));
                result = (view, app.Factory.SqlCommands.Count);
            });
            return result;
        }

        var (mine, statements) = await AskAsync(AppFixture.Dev);
        var active = mine.Active!;
        Assert.Equal(["Mine, started", "Mine, to do"], active.MyTasks.Select(t => t.Title));
        Assert.Equal((items[0], "Item 1", 2), (active.MyTasks[0].BacklogItemId, active.MyTasks[0].ItemTitle, active.MyTasks[0].RemainingHours));
        Assert.Equal((2, 10, 20), (active.DonePoints, active.CommittedPoints, active.PercentDone));
        Assert.Equal((3, 12), (active.Day, active.DaysLeft));
        Assert.Null(mine.Next);
        Assert.Equal(["The Scrum master's"], (await AskAsync(AppFixture.Sm)).View.Active!.MyTasks.Select(t => t.Title));

        for (var n = 0; n < 5; n++)
        {
            await AddTaskAsync(items[n % 2], $"More of mine {n}", dev);
        }

        var (more, moreStatements) = await AskAsync(AppFixture.Dev);
        Assert.Equal(7, more.Active!.MyTasks.Count);
        Assert.Equal(statements, moreStatements);
        Assert.InRange(statements, 1L, 4L); // access, sprint, totals, tasks
    }

    [Fact]
    public async Task Without_an_active_sprint_the_panel_names_the_next_planned_one_or_offers_planners_a_new_one()
    {
        var slug = (await ProductWithBacklogAsync(3)).Product.Slug;
        var dev = await app.SharedClientAsync(AppFixture.Dev);
        var sm = await app.SharedClientAsync(AppFixture.Sm);

        var none = Panel(await dev.GetPageAsync("/p/" + slug))!;
        Assert.Equal("Current sprint", none.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("No sprint is active.", none.TextContent, StringComparison.Ordinal);
        Assert.Null(none.QuerySelector("progress"));
        Assert.Null(none.QuerySelector($"a[href='/p/{slug}/sprints/new']"));
        Assert.NotNull(none.QuerySelector($"a[href='/p/{slug}/sprints']"));
        Assert.NotNull(Panel(await sm.GetPageAsync("/p/" + slug))!.QuerySelector($"a[href='/p/{slug}/sprints/new']"));

        var next = await CreateSprintAsync(slug, "Next up", Today.AddDays(3));
        var planned = Panel(await dev.GetPageAsync("/p/" + slug))!;
        Assert.Equal("Next up", planned.QuerySelector($"a[href='/p/{slug}/sprints/{next}']")!.TextContent.Trim());
        Assert.Contains("Shoppers pay in one step", planned.QuerySelector(".sprint-goal")!.TextContent, StringComparison.Ordinal);
        Assert.Null(planned.QuerySelector("[data-points]"));
    }

    [Fact]
    public async Task A_stakeholder_has_no_sprint_panel_and_the_product_manager_finds_it_after_the_roadmap()
    {
        var (product, items) = await ProductWithBacklogAsync(3);
        var slug = product.Slug;
        var sprint = await CreateSprintAsync(slug, "Running", Today.AddDays(-1));
        await SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, items[0]));
        await SendAsync(AppFixture.Sm, new StartSprint(slug, sprint, 0));
        var stakeholder = await app.SharedClientAsync(AppFixture.Stakeholder);
        Assert.Null(Panel(await stakeholder.GetPageAsync("/p/" + slug)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(AppFixture.Stakeholder, s => s.Send(new GetCurrentSprint(slug)).AsTask()));

        var pm = await app.SharedClientAsync(AppFixture.Pm);
        Assert.NotNull(Panel(await pm.GetPageAsync("/p/" + slug)));
        var panels = (await pm.GetPageAsync("/p/" + slug)).QuerySelectorAll(".home-panel").Select(p => p.GetAttribute("data-panel")).ToList();
        Assert.Equal(panels.IndexOf("Roadmap") + 1, panels.IndexOf("CurrentSprint"));
    }
}
