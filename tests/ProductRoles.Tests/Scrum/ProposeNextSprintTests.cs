using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.Scrum;

/// <summary>The new-sprint form starts from the next sprint in the team's rhythm, and only planners get it.</summary>
[Collection(AppCollection.Name)]
public sealed class ProposeNextSprintTests(AppFixture app) : IAsyncLifetime
{
    private readonly string _slug = "propose-" + Guid.NewGuid().ToString("N")[..8];

    public Task InitializeAsync() => app.AsUserAsync(AppFixture.Admin, async s =>
    {
        await s.Send(new CreateProduct("Proposals", _slug, LifecycleStage.Development, null));
        await s.Send(new SetMemberRole(_slug, AppFixture.Sm, ProductRole.ScrumMaster));
        await s.Send(new SetMemberRole(_slug, AppFixture.Stakeholder, ProductRole.Stakeholder));
    });

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_first_proposal_is_a_two_week_sprint_1_from_today_and_the_next_follows_the_latest_sprint()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = await app.AsUserAsync(AppFixture.Sm, s => s.Send(new ProposeNextSprint(_slug)));
        Assert.Equal(new SprintProposal("Sprint 1", today, today.AddDays(13), 0), first);

        await app.AsUserAsync(AppFixture.Sm, s => s.Send(new CreateSprint(_slug, "Kick-off", "Get going",
            today.AddDays(3), today.AddDays(9), 20, false)));
        var next = await app.AsUserAsync(AppFixture.Sm, s => s.Send(new ProposeNextSprint(_slug)));

        Assert.Equal(new SprintProposal("Sprint 2", today.AddDays(10), today.AddDays(16), 0), next);
    }

    [Fact]
    public async Task Those_who_do_not_plan_sprints_are_refused_the_proposal()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync(AppFixture.Stakeholder, async s => await s.Send(new ProposeNextSprint(_slug))));
    }
}
