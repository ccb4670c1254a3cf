using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Features.ProductManager.Goals;
using ProductRoles.Web.Features.ProductManager.Research;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.Access;

/// <summary>
/// A member of one product who names another product's row by its id, in a request about their own
/// product, gets "not found" and changes nothing: lookups only see the request's product.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CrossProductLookupTests(AppFixture app) : IAsyncLifetime
{
    private readonly string _mine = "scope-mine-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _theirs = "scope-theirs-" + Guid.NewGuid().ToString("N")[..8];
    private int _theirGoal;
    private int _theirKeyResult;
    private int _theirInsight;
    private int _theirCompetitor;

    public async Task InitializeAsync()
    {
        await app.AsUserAsync(AppFixture.Admin, async s =>
        {
            await s.Send(new CreateProduct("Scope mine", _mine, LifecycleStage.Development, null));
            await s.Send(new CreateProduct("Scope theirs", _theirs, LifecycleStage.Development, null));
            await s.Send(new SetMemberRole(_mine, AppFixture.Pm, ProductRole.ProductManager));
            await s.Send(new SetMemberRole(_theirs, AppFixture.Outsider, ProductRole.ProductManager));
        });
        await app.AsUserAsync(AppFixture.Outsider, async s =>
        {
            _theirGoal = await s.Send(new CreateGoal(_theirs, "Their goal", null, GoalLevel.Company, null));
            _theirKeyResult = await s.Send(new CreateKeyResult(_theirs, _theirGoal, "Their metric", 1, 2, 1, new DateOnly(2027, 1, 1)));
            _theirInsight = await s.Send(new RecordInsight(_theirs, InsightKind.Survey, "Their insight", "Said so.", null,
                new DateOnly(2026, 1, 1), null, false));
            _theirCompetitor = await s.Send(new AddCompetitor(_theirs, "Their rival", null, null, "Cheap"));
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Queries_for_another_product_s_rows_are_not_found()
    {
        await AssertNotFound(s => s.Send(new GetGoal(_mine, _theirGoal)));
        await AssertNotFound(s => s.Send(new GetInsight(_mine, _theirInsight)));
    }

    [Fact]
    public async Task Commands_on_another_product_s_rows_are_not_found_and_change_nothing()
    {
        await AssertNotFound(s => s.Send(new EditGoal(_mine, _theirGoal, "Hijacked", null, GoalLevel.Company, null, 0)));
        await AssertNotFound(s => s.Send(new CreateKeyResult(_mine, _theirGoal, "Hijacked", 0, 1, 0, new DateOnly(2027, 1, 1))));
        await AssertNotFound(s => s.Send(new EditKeyResult(_mine, _theirGoal, _theirKeyResult, "Hijacked", 0, 1, 0, new DateOnly(2027, 1, 1), 0)));
        await AssertNotFound(s => s.Send(new EditInsight(_mine, _theirInsight, InsightKind.Survey, "Hijacked", "x", null,
            new DateOnly(2026, 1, 1), null, false, 0)));
        await AssertNotFound(s => s.Send(new EditCompetitor(_mine, _theirCompetitor, "Hijacked", null, null, "x", 0)));
        await AssertNotFound(s => s.Send(new SetGoalArchived(_mine, _theirGoal, true, 0)));

        var (goal, metric, insight, competitor) = await app.QueryAsync(async db => (
            await db.Goals.SingleAsync(g => g.Id == _theirGoal),
            (await db.KeyResults.SingleAsync(k => k.Id == _theirKeyResult)).Metric,
            (await db.Insights.SingleAsync(i => i.Id == _theirInsight)).Title,
            (await db.Competitors.SingleAsync(c => c.Id == _theirCompetitor)).Name));
        Assert.Equal(("Their goal", false), (goal.Title, goal.IsArchived));
        Assert.Equal(("Their metric", "Their insight", "Their rival"), (metric, insight, competitor));
        Assert.Equal(1, await app.QueryAsync(db => db.KeyResults.CountAsync(k => k.GoalId == _theirGoal)));
    }

    [Fact]
    public async Task A_product_goal_cannot_serve_another_product_s_company_goal()
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => app.AsUserAsync(AppFixture.Pm, async s =>
            await s.Send(new CreateGoal(_mine, "Borrowed parent", null, GoalLevel.Product, _theirGoal))));

        Assert.Contains(nameof(CreateGoal.CompanyGoalId), error.Errors.Keys);
    }

    [Fact]
    public async Task The_page_of_another_product_s_goal_under_my_product_s_address_is_404()
    {
        var pm = await app.SharedClientAsync(AppFixture.Pm);

        using var response = await pm.GetAsync($"/p/{_mine}/goals/{_theirGoal}");
        using var own = await pm.GetAsync($"/p/{_mine}/goals");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    private Task AssertNotFound<T>(Func<Mediator.ISender, ValueTask<T>> send) =>
        Assert.ThrowsAsync<NotFoundException>(() => app.AsUserAsync(AppFixture.Pm, send));
}
