using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.Scrum.Sprints;

/// <summary>
/// Planning sprints, each test in a product of its own; the sprint list and the active sprint page
/// are checked against the demo seed's sprints.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SprintTests(AppFixture app)
{
    /// <summary>The product of the running test (xunit makes a new instance of the class per test).</summary>
    private string Slug { get; set; } = "";

    private async Task<TestProduct> NewProductAsync()
    {
        var product = await app.NewProduct("Sprints").BuildAsync();
        Slug = product.Slug;
        return product;
    }

    private CreateSprint NewSprint(string name, DateOnly start, int days = 14, int capacity = 30, bool allowOverlap = false) =>
        new(Slug, name, "Shoppers can pay in one step.", start, start.AddDays(days - 1), capacity, allowOverlap);

    private Task<int> CreateAsync(CreateSprint command, string who = AppFixture.Sm) =>
        app.AsUserAsync(who, sender => sender.Send(command));

    private static async Task<RequestValidationException> RejectedAsync(Func<Task> action) =>
        await Assert.ThrowsAsync<RequestValidationException>(action);

    [Fact]
    public async Task A_scrum_master_creates_a_planned_sprint_with_its_goal_and_the_change_is_in_history()
    {
        await NewProductAsync();
        var id = await CreateAsync(NewSprint("Create test sprint", new DateOnly(2040, 1, 1)));

        var sprint = await app.QueryAsync(db => db.Sprints.SingleAsync(s => s.Id == id));
        Assert.Equal(SprintState.Planned, sprint.State);
        Assert.Equal("Shoppers can pay in one step.", sprint.Goal);
        Assert.Equal(new DateOnly(2040, 1, 14), sprint.EndDate);
        Assert.True(await app.QueryAsync(db => db.Activities.AnyAsync(a => a.EntityType == nameof(Sprint) && a.EntityId == id.ToString(CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task A_sprint_must_end_after_it_starts()
    {
        await NewProductAsync();
        var start = new DateOnly(2040, 2, 10);
        var ex = await RejectedAsync(() => CreateAsync(NewSprint("Backwards", start) with { EndDate = start }));
        Assert.Contains("end after it starts", ex.Errors[nameof(CreateSprint.EndDate)].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sprint_needs_a_goal_and_a_non_negative_capacity()
    {
        await NewProductAsync();
        var ex = await RejectedAsync(() => CreateAsync(NewSprint("No goal", new DateOnly(2040, 3, 1), capacity: -1) with { Goal = "  " }));
        Assert.Contains(nameof(CreateSprint.Goal), ex.Errors.Keys);
        Assert.Contains(nameof(CreateSprint.Capacity), ex.Errors.Keys);
    }

    [Fact]
    public async Task Overlapping_sprints_are_refused_unless_the_overlap_is_allowed()
    {
        await NewProductAsync();
        await CreateAsync(NewSprint("Overlap A", new DateOnly(2040, 4, 1)));

        var ex = await RejectedAsync(() => CreateAsync(NewSprint("Overlap B", new DateOnly(2040, 4, 14))));
        Assert.Contains("overlap Overlap A", ex.Errors[nameof(CreateSprint.StartDate)].Single(), StringComparison.Ordinal);

        var allowed = await CreateAsync(NewSprint("Overlap C", new DateOnly(2040, 4, 14), allowOverlap: true), AppFixture.Po);
        Assert.True(allowed > 0);
    }

    [Fact]
    public async Task A_sprint_starting_the_day_after_another_ends_does_not_overlap()
    {
        await NewProductAsync();
        await CreateAsync(NewSprint("Adjacent A", new DateOnly(2040, 5, 1)));
        var id = await CreateAsync(NewSprint("Adjacent B", new DateOnly(2040, 5, 15)));
        Assert.True(id > 0);
    }

    [Fact]
    public async Task Developers_and_stakeholders_cannot_plan_sprints()
    {
        await NewProductAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => CreateAsync(NewSprint("Dev sprint", new DateOnly(2040, 6, 1)), AppFixture.Dev));
        await Assert.ThrowsAsync<ForbiddenException>(() => CreateAsync(NewSprint("Pm sprint", new DateOnly(2040, 6, 1)), AppFixture.Pm));
        await Assert.ThrowsAsync<ForbiddenException>(() => CreateAsync(NewSprint("Sh sprint", new DateOnly(2040, 6, 1)), AppFixture.Stakeholder));
        Assert.False(await app.QueryAsync(db => db.Sprints.AnyAsync(s => s.Product!.Slug == Slug)));
    }

    [Fact]
    public async Task Editing_a_sprint_that_someone_else_changed_meanwhile_is_a_conflict()
    {
        await NewProductAsync();
        var id = await CreateAsync(NewSprint("Conflict sprint", new DateOnly(2040, 7, 1)));
        EditSprint Edit(string goal) => new(Slug, id, "Conflict sprint", goal, new DateOnly(2040, 7, 1), new DateOnly(2040, 7, 14), 30, false, 0);

        await app.AsUserAsync(AppFixture.Po, sender => sender.Send(Edit("First goal")));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => app.AsUserAsync(AppFixture.Sm, sender => sender.Send(Edit("Second goal"))));

        Assert.Equal("First goal", await app.QueryAsync(db => db.Sprints.Where(s => s.Id == id).Select(s => s.Goal).SingleAsync()));
    }

    [Fact]
    public async Task Editing_into_another_sprints_dates_is_refused()
    {
        await NewProductAsync();
        await CreateAsync(NewSprint("Edit overlap A", new DateOnly(2040, 8, 1)));
        var id = await CreateAsync(NewSprint("Edit overlap B", new DateOnly(2040, 8, 15)));

        var ex = await RejectedAsync(() => app.AsUserAsync(AppFixture.Sm, sender => sender.Send(
            new EditSprint(Slug, id, "Edit overlap B", "Goal", new DateOnly(2040, 8, 10), new DateOnly(2040, 8, 28), 30, false, 0)).AsTask()));
        Assert.Contains(nameof(EditSprint.StartDate), ex.Errors.Keys);
    }

    [Fact]
    public async Task A_closed_sprint_can_no_longer_be_edited()
    {
        var product = await NewProductAsync();
        var item = await product.BacklogItem("Shipped").CreateAsync();
        var sprintId = await product.Sprint("Closed sprint").Starting(new DateOnly(2040, 7, 1)).Planning(item).Started().CreateAsync();
        await product.MarkDoneAsync(item);
        await product.CloseSprintAsync(sprintId);
        var closed = await app.QueryAsync(db => db.Sprints.Where(s => s.Id == sprintId)
            .Select(s => new { s.Id, s.Name, s.StartDate, s.EndDate, s.Version }).SingleAsync());

        var ex = await RejectedAsync(() => app.AsUserAsync(AppFixture.Po, sender => sender.Send(
            new EditSprint(Slug, closed.Id, "Renamed", "New goal", closed.StartDate, closed.EndDate, 10, false, closed.Version)).AsTask()));
        Assert.Contains("closed", ex.Errors[""].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_one_sprint_is_active_at_a_time()
    {
        var product = await NewProductAsync();
        await product.Sprint("Active").Starting(new DateOnly(2040, 8, 1)).Started().CreateAsync();
        var id = await CreateAsync(NewSprint("Second active", new DateOnly(2040, 9, 1)));

        var ex = await RejectedAsync(() => app.AsUserAsync(AppFixture.Sm, sender => sender.Send(new StartSprint(Slug, id, 0)).AsTask()));
        Assert.Contains("still active", ex.Errors[""].Single(), StringComparison.Ordinal);
        Assert.Equal(SprintState.Planned, await app.QueryAsync(db => db.Sprints.Where(s => s.Id == id).Select(s => s.State).SingleAsync()));
    }

    [Fact]
    public async Task A_planned_sprint_starts_once()
    {
        var slug = (await NewProductAsync()).Slug;
        var id = await CreateAsync(NewSprint("First ever", new DateOnly(2040, 10, 1)));

        await app.AsUserAsync(AppFixture.Sm, sender => sender.Send(new StartSprint(slug, id, 0)).AsTask());
        var ex = await RejectedAsync(() => app.AsUserAsync(AppFixture.Sm, sender => sender.Send(new StartSprint(slug, id, 1)).AsTask()));

        Assert.Contains("already started", ex.Errors[""].Single(), StringComparison.Ordinal);
        var sprint = await app.QueryAsync(db => db.Sprints.SingleAsync(s => s.Id == id));
        Assert.Equal(SprintState.Active, sprint.State);
        Assert.NotNull(sprint.StartedAt);
    }

    [Fact]
    public async Task A_sprint_of_another_product_is_not_found()
    {
        var product = await NewProductAsync();
        var id = await product.Sprint("Not the outsider's").CreateAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => app.AsUserAsync(AppFixture.Outsider, sender => sender.Send(new GetSprint(AppFixture.OtherSlug, id)).AsTask()));
    }

    [Fact]
    public async Task The_demo_sprint_list_shows_each_sprint_with_its_goal_and_the_velocity_chart_with_its_data_table()
    {
        var client = await app.SharedClientAsync(AppFixture.Dev);
        var page = await client.GetPageAsync($"/p/{AppFixture.DemoSlug}/sprints");

        Assert.Equal("Sprints", page.Heading());
        Assert.Contains("Failed payments tell the shopper why", page.Body!.TextContent, StringComparison.Ordinal);
        var svg = page.QuerySelector("svg[role=img]")!;
        Assert.Equal("Velocity", svg.QuerySelector("title")!.TextContent);
        Assert.NotNull(svg.QuerySelector("desc"));
        Assert.Equal(6, page.QuerySelectorAll("caption").Single(c => c.TextContent == "Velocity data").ParentElement!.QuerySelectorAll("tbody tr").Length);
        Assert.Null(page.QuerySelector("a[href$='/sprints/new']"));
    }

    [Fact]
    public async Task The_active_demo_sprint_page_shows_its_goal_burndown_and_the_retrospective_actions_carried_over()
    {
        var id = await app.QueryAsync(db => db.Sprints.Where(s => s.Product!.Slug == AppFixture.DemoSlug && s.State == SprintState.Active).Select(s => s.Id).SingleAsync());
        var client = await app.SharedClientAsync(AppFixture.Sm);
        var page = await client.GetPageAsync($"/p/{AppFixture.DemoSlug}/sprints/{id}");

        Assert.Contains("iDEAL and Bancontact", page.QuerySelector(".sprint-goal")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Burndown", page.QuerySelector("svg[role=img] title")!.TextContent);
        var carried = page.QuerySelectorAll(".action-list li").Select(li => li.TextContent).ToList();
        Assert.Contains(carried, t => t.Contains("Order translations when a story becomes Ready", StringComparison.Ordinal));
        Assert.DoesNotContain(carried, t => t.Contains("Limit work in progress", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_new_sprint_form_shows_each_broken_rule_beside_its_field()
    {
        await NewProductAsync();
        var client = await app.SignInAsync(AppFixture.Po);
        var form = await client.GetPageAsync($"/p/{Slug}/sprints/new");
        using var response = await client.SubmitAsync(form, "form.form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Form sprint", ["Input.Goal"] = "", ["Input.StartDate"] = "2041-01-10", ["Input.EndDate"] = "2041-01-05", ["Input.Capacity"] = "-3",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);

        Assert.NotEmpty(page.FieldError("Input.Goal"));
        Assert.Contains("end after it starts", page.FieldError("Input.EndDate"), StringComparison.Ordinal);
        Assert.Contains("negative", page.FieldError("Input.Capacity"), StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Sprints.AnyAsync(s => s.Product!.Slug == Slug)));
    }

    [Fact]
    public async Task A_product_owner_creates_a_sprint_through_the_form_and_lands_on_its_page()
    {
        await NewProductAsync();
        var client = await app.SignInAsync(AppFixture.Po);
        var form = await client.GetPageAsync($"/p/{Slug}/sprints/new");
        var page = await client.FollowAsync(await client.SubmitAsync(form, "form.form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Form-made sprint", ["Input.Goal"] = "Merchants can refund in one click.",
            ["Input.StartDate"] = "2041-02-01", ["Input.EndDate"] = "2041-02-14", ["Input.Capacity"] = "28",
        }));

        Assert.StartsWith("Form-made sprint", page.Heading(), StringComparison.Ordinal);
        Assert.Contains("Merchants can refund in one click.", page.QuerySelector(".sprint-goal")!.TextContent, StringComparison.Ordinal);
    }
}
