using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.SprintBoard;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.Scrum.SprintBoard;

/// <summary>The sprint board, in a product of the test's own with a started sprint.</summary>
[Collection(AppCollection.Name)]
public sealed class SprintBoardTests(AppFixture app)
{
    [Fact]
    public async Task Developers_move_cards_and_keep_tasks_but_done_only_comes_through_the_definition_of_done()
    {
        var product = await app.NewProduct("Sprint board").BuildAsync();
        var (slug, card) = (product.Slug, await product.BacklogItem("Card").Chore().Estimate(5).CreateAsync());
        var sprint = await product.Sprint("Board sprint").Starting(new DateOnly(2026, 11, 25)).Planning(card).Started().CreateAsync();
        Task<int> VersionAsync() => app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == card).Select(i => i.Version).SingleAsync());

        await product.SendAsync(AppFixture.Dev, new MoveSprintCard(slug, sprint, card, BoardColumn.InProgress, await VersionAsync()));
        await Assert.ThrowsAsync<RequestValidationException>(() => product.SendAsync(AppFixture.Dev, new MoveSprintCard(slug, sprint, card, BoardColumn.Done, 0)));
        await Assert.ThrowsAsync<ForbiddenException>(() => product.SendAsync(AppFixture.Stakeholder, new MoveSprintCard(slug, sprint, card, BoardColumn.ToDo, 0)));
        await Assert.ThrowsAsync<ForbiddenException>(() => product.AskAsync(AppFixture.Stakeholder, new GetSprintBoard(slug, sprint)));

        var dev = await app.QueryAsync(db => db.Users.Where(u => u.Email == AppFixture.Dev).Select(u => u.Id).SingleAsync());
        var taskId = await product.SendAsync(AppFixture.Dev, new AddSprintTask(slug, sprint, card, "Wire the wallet button", dev, 6));
        await product.SendAsync(AppFixture.Dev, new UpdateSprintTask(slug, sprint, taskId, dev, 2, SprintTaskState.InProgress, 0));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            product.SendAsync(AppFixture.Sm, new UpdateSprintTask(slug, sprint, taskId, null, 1, SprintTaskState.ToDo, 0)));

        var board = await product.AskAsync(AppFixture.Pm, new GetSprintBoard(slug, sprint));
        var column = Assert.Single(board.In(BoardColumn.InProgress));
        var task = Assert.Single(column.Tasks);
        Assert.Equal(("Wire the wallet button", "Dana Kim (Developer)", 2), (task.Title, task.Owner, task.RemainingHours));
        Assert.False(board.CanMove);
    }
}
