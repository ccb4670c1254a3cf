using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.Retrospective;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.Scrum.Retrospective;

/// <summary>Retrospectives, each test in a product of its own with an active sprint; one test reads the demo seed's.</summary>
[Collection(AppCollection.Name)]
public sealed class RetrospectiveTests(AppFixture app)
{
    /// <summary>The product of the running test (xunit makes a new instance of the class per test).</summary>
    private string Slug { get; set; } = "";

    /// <summary>A product of the test's own whose sprint has started, as a retrospective needs.</summary>
    private async Task<(TestProduct Product, int ActiveSprint)> ProductWithActiveSprintAsync()
    {
        var product = await app.NewProduct("Retrospective").BuildAsync();
        Slug = product.Slug;
        var item = await product.BacklogItem("In the sprint").CreateAsync();
        var sprint = await product.Sprint("Running sprint").Starting(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3)).Planning(item).Started().CreateAsync();
        return (product, sprint);
    }

    private Task<string> UserIdAsync(string email) =>
        app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task An_open_action_from_this_sprint_carries_over_to_the_next_sprints_planning_until_it_is_done()
    {
        var (_, active) = await ProductWithActiveSprintAsync();
        var next = await app.AsUserAsync(AppFixture.Sm, sender => sender.Send(new CreateSprint(Slug, "Carry-over sprint", "Goal",
            new DateOnly(2042, 1, 1), new DateOnly(2042, 1, 14), 30, false)));
        var dev = await UserIdAsync(AppFixture.Dev);

        var actionId = await app.AsUserAsync(AppFixture.Dev, sender => sender.Send(new AddRetrospectiveAction(Slug, active, "Pair on every payment provider change", dev)));
        var planning = await app.AsUserAsync(AppFixture.Po, sender => sender.Send(new GetSprint(Slug, next)));
        Assert.Contains(planning.OpenActions, a => a.Id == actionId && a.Owner == "Dana Kim (Developer)");

        await app.AsUserAsync(AppFixture.Dev, sender => sender.Send(new SetRetrospectiveActionState(Slug, actionId, RetrospectiveActionState.Done, 0)).AsTask());
        planning = await app.AsUserAsync(AppFixture.Po, sender => sender.Send(new GetSprint(Slug, next)));
        Assert.DoesNotContain(planning.OpenActions, a => a.Id == actionId);
    }

    [Fact]
    public async Task An_action_owner_must_be_in_the_scrum_team()
    {
        var (_, active) = await ProductWithActiveSprintAsync();
        var stakeholder = await UserIdAsync(AppFixture.Stakeholder);

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => app.AsUserAsync(AppFixture.Sm,
            sender => sender.Send(new AddRetrospectiveAction(Slug, active, "Stakeholder-owned", stakeholder)).AsTask()));
        Assert.Contains(nameof(AddRetrospectiveAction.OwnerId), ex.Errors.Keys);
    }

    [Fact]
    public async Task A_retrospective_is_written_once_the_sprint_has_started_and_edits_are_concurrency_checked()
    {
        var (_, active) = await ProductWithActiveSprintAsync();
        var planned = await app.AsUserAsync(AppFixture.Sm, sender => sender.Send(new CreateSprint(Slug, "Too early retro", "Goal",
            new DateOnly(2042, 3, 1), new DateOnly(2042, 3, 14), 30, false)));
        await Assert.ThrowsAsync<RequestValidationException>(() => app.AsUserAsync(AppFixture.Sm,
            sender => sender.Send(new SaveRetrospective(Slug, planned, "Early", null, 0)).AsTask()));

        await app.AsUserAsync(AppFixture.Sm, sender => sender.Send(new SaveRetrospective(Slug, active, "- Daily Scrum kept short", null, 0)).AsTask());
        await app.AsUserAsync(AppFixture.Po, sender => sender.Send(new SaveRetrospective(Slug, active, "- Daily Scrum kept short", "- Reviews late", 0)).AsTask());
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => app.AsUserAsync(AppFixture.Dev,
            sender => sender.Send(new SaveRetrospective(Slug, active, "Stale", null, 0)).AsTask()));

        var view = await app.AsUserAsync(AppFixture.Dev, sender => sender.Send(new GetRetrospective(Slug, active)));
        Assert.Equal("- Reviews late", view.ToImprove);
    }

    [Fact]
    public async Task Stakeholders_and_the_product_manager_do_not_see_the_retrospective()
    {
        var (product, closed) = await ProductWithActiveSprintAsync();
        await product.CloseSprintAsync(closed);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(AppFixture.Stakeholder, sender => sender.Send(new GetRetrospective(Slug, closed)).AsTask()));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(AppFixture.Pm, sender => sender.Send(new GetRetrospective(Slug, closed)).AsTask()));
        var sprintPage = await app.AsUserAsync(AppFixture.Pm, sender => sender.Send(new GetSprint(Slug, closed)));
        Assert.False(sprintPage.CanSeeRetrospective);
    }

    [Fact]
    public async Task The_demo_retrospective_page_shows_went_well_to_improve_and_action_items_with_owner_and_state()
    {
        var closed = await app.QueryAsync(db => db.Sprints.Where(s => s.Product!.Slug == AppFixture.DemoSlug && s.Name == "Sprint 5").Select(s => s.Id).SingleAsync());
        var client = await app.SharedClientAsync(AppFixture.Dev);
        var page = await client.GetPageAsync($"/p/{AppFixture.DemoSlug}/sprints/{closed}/retrospective");

        Assert.Equal("Retrospective", page.Heading());
        Assert.Contains("Customer feedback from the pilot merchants", page.Body!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Agree a same-day slot for security reviews", StringComparison.Ordinal)
            && r.Contains("Oliver Owens (PO)", StringComparison.Ordinal));
    }
}
