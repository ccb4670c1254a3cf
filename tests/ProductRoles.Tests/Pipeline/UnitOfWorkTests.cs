using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Features.ProductOwner.DefinitionOfDone;
using ProductRoles.Web.Features.Scrum.SprintBoard;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Events;

namespace ProductRoles.Tests.Pipeline;

/// <summary>
/// The app with failures to switch on: the burndown write fails, or a test-only handler of the
/// backlog event sends another command and then fails. Each command must then leave nothing behind.
/// </summary>
public sealed class UnitOfWorkFixture : IAsyncLifetime
{
    public BurndownWriteFailure BurndownFailure { get; } = new();
    public NestedSendThenFail NestedSend { get; } = new();
    public EventHandlerFailure EventFailure { get; } = new();
    public WriteLockProbe LockProbe { get; } = new();

    public AppFixture App { get; }

    public UnitOfWorkFixture() =>
        App = new AppFixture
        {
            Factory = new AppFactory
            {
                ExtraServices = services =>
                {
                    services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(BurndownFailure, LockProbe));
                    services.AddSingleton(NestedSend);
                    services.AddScoped<IDomainEventHandler<BacklogWorkChanged>, NestedSendThenFailHandler>();
                    services.AddSingleton(EventFailure);
                    services.AddScoped<IDomainEventHandler<BacklogWorkChanged>, FailingEventHandler>();
                    services.AddScoped<IDomainEventHandler<SprintWorkChanged>, FailingEventHandler>();
                },
            },
        };

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>Fails any save that writes a burndown row, while armed: the second step of every affected command.</summary>
public sealed class BurndownWriteFailure : SaveChangesInterceptor
{
    public bool Armed { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Armed && eventData.Context!.ChangeTracker.Entries<SprintDaySnapshot>().Any(e => e.State is EntityState.Added or EntityState.Modified))
        {
            throw new InvalidOperationException("The burndown write failed (injected by the test).");
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

/// <summary>
/// While armed, a handler of the work events that runs after the app's own (the burndown) fails: a step
/// after the command's saves and the burndown's, whatever the burndown wrote or did not need to write.
/// </summary>
public sealed class EventHandlerFailure
{
    public bool Armed { get; set; }
}

public sealed class FailingEventHandler(EventHandlerFailure failure)
    : IDomainEventHandler<BacklogWorkChanged>, IDomainEventHandler<SprintWorkChanged>
{
    public Task HandleAsync(BacklogWorkChanged domainEvent, CancellationToken cancellationToken) => FailIfArmed();

    public Task HandleAsync(SprintWorkChanged domainEvent, CancellationToken cancellationToken) => FailIfArmed();

    private Task FailIfArmed() =>
        failure.Armed ? throw new InvalidOperationException("A step after the burndown failed (injected by the test).") : Task.CompletedTask;
}

/// <summary>While armed, a handler of the backlog event comments on the item through the mediator, then fails.</summary>
public sealed class NestedSendThenFail
{
    public string? Slug { get; set; }
    public bool Armed { get; set; }
    public bool? JoinedOuterTransaction { get; set; }
}

public sealed class NestedSendThenFailHandler(NestedSendThenFail probe, ISender sender, AppDbContext db) : IDomainEventHandler<BacklogWorkChanged>
{
    public async Task HandleAsync(BacklogWorkChanged domainEvent, CancellationToken cancellationToken)
    {
        if (!probe.Armed)
        {
            return;
        }

        var outer = db.Database.CurrentTransaction;
        await sender.Send(new AddBacklogComment(probe.Slug!, domainEvent.BacklogItemIds[0], "Written by a nested command"), cancellationToken);
        probe.JoinedOuterTransaction = outer is not null && ReferenceEquals(outer, db.Database.CurrentTransaction);
        throw new InvalidOperationException("A later step failed (injected by the test).");
    }
}

/// <summary>
/// Before the first statement inside a command's transaction, tries to take the write lock from a
/// connection of its own that does not wait: SQLITE_BUSY means the command's transaction already holds
/// it, i.e. it began IMMEDIATE rather than DEFERRED.
/// </summary>
public sealed class WriteLockProbe : DbCommandInterceptor
{
    public string? DatabasePath { get; set; }
    public bool Armed { get; set; }
    public int? OtherWriterErrorCode { get; private set; }

    public override async ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
        System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        if (Armed && eventData.Context?.Database.CurrentTransaction is not null)
        {
            Armed = false;
            // Microsoft.Data.Sqlite retries a busy statement until the command timeout: one second, then SQLITE_BUSY.
            await using var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False;Default Timeout=1");
            await other.OpenAsync(cancellationToken);
            await using (var noWait = other.CreateCommand())
            {
                noWait.CommandText = "PRAGMA busy_timeout = 0";
                await noWait.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var begin = other.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            try
            {
                await begin.ExecuteNonQueryAsync(cancellationToken);
                OtherWriterErrorCode = 0;
                begin.CommandText = "ROLLBACK";
                await begin.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException ex)
            {
                OtherWriterErrorCode = ex.SqliteErrorCode;
            }
        }

        return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

[CollectionDefinition(Name)]
public sealed class UnitOfWorkCollection : ICollectionFixture<UnitOfWorkFixture>
{
    public const string Name = "unit of work";
}

[Collection(UnitOfWorkCollection.Name)]
public sealed class UnitOfWorkTests(UnitOfWorkFixture fixture)
{
    private const int SqliteBusy = 5;
    private readonly AppFixture _app = fixture.App;

    /// <summary>A product of its own with a Definition of Done, items to plan, and an active sprint holding two of them.</summary>
    private async Task<(string Slug, int Sprint, int[] Items)> ActiveSprintAsync(string slug, bool start = true)
    {
        await _app.AsUserAsync(AppFixture.Admin, async sender =>
        {
            await sender.Send(new CreateProduct("Unit of work " + slug, slug, LifecycleStage.Growth, null));
            await sender.Send(new SetMemberRole(slug, AppFixture.Po, ProductRole.ProductOwner));
            await sender.Send(new SetMemberRole(slug, AppFixture.Dev, ProductRole.Developer));
        });
        var items = await _app.QueryAsync(async db =>
        {
            var productId = await db.Products.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var ranks = RankKey.Spread(4);
            var rows = new[] { ("Saved cards", 5), ("Receipts", 3), ("Refunds", 8) }.Select((r, n) => new BacklogItem
            {
                ProductId = productId, Title = r.Item1, Estimate = r.Item2, Status = BacklogItemStatus.Ready, Rank = ranks[n + 1],
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            }).ToList();
            db.BacklogItems.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToArray();
        });
        await SendAsync(new EditDefinitionOfDone(slug, "Code reviewed\nTests pass", 0));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sprint = await _app.AsUserAsync(AppFixture.Po, sender => sender.Send(new CreateSprint(slug, "Sprint " + slug, "Cards that pay", today, today.AddDays(13), 10, false)));
        await SendAsync(new PlanSprintItem(slug, sprint, items[0]));
        await SendAsync(new PlanSprintItem(slug, sprint, items[1]));
        if (start)
        {
            await SendAsync(new StartSprint(slug, sprint, 0));
        }

        return (slug, sprint, items);
    }

    private Task<int> VersionOfAsync(int itemId) => _app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == itemId).Select(i => i.Version).SingleAsync());

    private Task SendAsync<T>(ICommand<T> command) => _app.AsUserAsync(AppFixture.Po, async sender => await sender.Send(command));

    private sealed record Written(string Items, string SprintItems, string Snapshots, string Sprint, int DoneChecks, int Comments, int Activities);

    /// <summary>Everything the affected commands write, as text that compares whole.</summary>
    private Task<Written> WrittenAsync(string slug) => _app.QueryAsync(async db =>
    {
        var productId = await db.Products.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
        var items = await db.BacklogItems.Where(i => i.ProductId == productId).OrderBy(i => i.Id)
            .Select(i => $"{i.Id}:{i.Status}:{i.Estimate}:{i.Version}").ToListAsync();
        var sprintItems = await db.SprintItems.Where(i => i.ProductId == productId).OrderBy(i => i.Id)
            .Select(i => $"{i.BacklogItemId}:{i.Outcome}:{i.Points}").ToListAsync();
        var snapshots = await db.SprintDaySnapshots.Where(d => db.Sprints.Any(s => s.Id == d.SprintId && s.ProductId == productId))
            .OrderBy(d => d.Id).Select(d => $"{d.Day}:{d.ScopePoints}:{d.RemainingPoints}").ToListAsync();
        var sprint = await db.Sprints.Where(s => s.ProductId == productId).Select(s => $"{s.State}:{s.StartedAt}:{s.Version}").SingleAsync();
        var itemIds = await db.BacklogItems.Where(i => i.ProductId == productId).Select(i => i.Id).ToListAsync();
        return new Written(string.Join(" ", items), string.Join(" ", sprintItems), string.Join(" ", snapshots), sprint,
            await db.BacklogItemDoneChecks.CountAsync(c => itemIds.Contains(c.BacklogItemId)),
            await db.BacklogComments.CountAsync(c => itemIds.Contains(c.BacklogItemId)),
            await db.Activities.CountAsync(a => a.ProductId == productId));
    });

    /// <summary>Sends the command with the burndown write failing; the command fails and the database is as it was.</summary>
    private Task AssertNothingWrittenWhenTheBurndownFailsAsync<T>(string slug, ICommand<T> command) =>
        AssertNothingWrittenWhenAsync(slug, command, armed => fixture.BurndownFailure.Armed = armed, "burndown write failed");

    /// <summary>Sends the command with a step after the burndown failing; the command fails and the database is as it was.</summary>
    private Task AssertNothingWrittenWhenALaterStepFailsAsync<T>(string slug, ICommand<T> command) =>
        AssertNothingWrittenWhenAsync(slug, command, armed => fixture.EventFailure.Armed = armed, "step after the burndown failed");

    private async Task AssertNothingWrittenWhenAsync<T>(string slug, ICommand<T> command, Action<bool> arm, string failureMessage)
    {
        var before = await WrittenAsync(slug);
        arm(true);
        try
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(command));
            Assert.Contains(failureMessage, failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            arm(false);
        }

        Assert.Equal(before, await WrittenAsync(slug));
    }

    [Fact]
    public async Task Starting_a_sprint_whose_burndown_cannot_be_written_leaves_it_planned()
    {
        var (slug, sprint, _) = await ActiveSprintAsync("uow-start", start: false);
        await AssertNothingWrittenWhenTheBurndownFailsAsync(slug, new StartSprint(slug, sprint, 0));
        var state = await _app.QueryAsync(db => db.Sprints.Where(s => s.Id == sprint).Select(s => s.State).SingleAsync());
        Assert.Equal(SprintState.Planned, state);
    }

    [Fact]
    public async Task Planning_and_unplanning_write_the_sprint_backlog_and_its_burndown_together_or_not_at_all()
    {
        var (slug, sprint, items) = await ActiveSprintAsync("uow-plan");
        await AssertNothingWrittenWhenTheBurndownFailsAsync(slug, new PlanSprintItem(slug, sprint, items[2]));
        await AssertNothingWrittenWhenTheBurndownFailsAsync(slug, new UnplanSprintItem(slug, sprint, items[1]));
        // The burndown row written in the transaction goes too when a step after it fails.
        await AssertNothingWrittenWhenALaterStepFailsAsync(slug, new PlanSprintItem(slug, sprint, items[2]));

        // Without the failure the same commands land, burndown included.
        await SendAsync(new PlanSprintItem(slug, sprint, items[2]));
        var written = await WrittenAsync(slug);
        Assert.EndsWith(":16:16", written.Snapshots, StringComparison.Ordinal);
        Assert.Contains($"{items[2]}:InSprint:8", written.SprintItems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_moved_when_a_later_step_fails_stays_where_it_was()
    {
        var (slug, sprint, items) = await ActiveSprintAsync("uow-move");
        await AssertNothingWrittenWhenALaterStepFailsAsync(slug, new MoveSprintCard(slug, sprint, items[0], BoardColumn.InProgress, await VersionOfAsync(items[0])));
        Assert.Contains($"{items[0]}:Planned:", (await WrittenAsync(slug)).Items, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_marked_done_while_its_burndown_cannot_be_written_is_not_done_and_has_no_done_record()
    {
        var (slug, sprint, items) = await ActiveSprintAsync("uow-done");
        var checklist = await _app.AsUserAsync(AppFixture.Po, sender => sender.Send(new GetDoneChecklist(slug, items[0])));
        var criteria = checklist.Criteria.Select(c => new DoneCriterionInput(c.Id, true, false, null)).ToList();
        var command = new MarkBacklogItemDone(slug, items[0], checklist.DefinitionOfDoneVersionId!.Value, criteria, checklist.ItemVersion, sprint);

        await AssertNothingWrittenWhenTheBurndownFailsAsync(slug, command);
        var written = await WrittenAsync(slug);
        Assert.Equal(0, written.DoneChecks);
        Assert.DoesNotContain($"{items[0]}:Done:", written.Items, StringComparison.Ordinal);

        await SendAsync(command);
        written = await WrittenAsync(slug);
        Assert.Equal(1, written.DoneChecks);
        Assert.EndsWith(":8:3", written.Snapshots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_or_bulk_editing_items_when_a_later_step_fails_changes_nothing()
    {
        var (slug, _, items) = await ActiveSprintAsync("uow-edit");
        var fields = new BacklogItemFields(BacklogItemType.Chore, "Saved cards", null, null, null, null, 8, BacklogItemStatus.Planned, null, null, null);
        await AssertNothingWrittenWhenALaterStepFailsAsync(slug, new EditBacklogItem(slug, items[0], fields, await VersionOfAsync(items[0])));
        await AssertNothingWrittenWhenALaterStepFailsAsync(slug,
            new BulkEditBacklogItems(slug, [items[0], items[1]], "checkout", BacklogItemStatus.InProgress, null, false));
    }

    [Fact]
    public async Task A_command_sent_from_inside_another_joins_its_transaction_and_rolls_back_with_it()
    {
        var (slug, sprint, items) = await ActiveSprintAsync("uow-nested");
        var move = new MoveSprintCard(slug, sprint, items[0], BoardColumn.InProgress, await VersionOfAsync(items[0]));
        var before = await WrittenAsync(slug);
        fixture.NestedSend.Slug = slug;
        fixture.NestedSend.Armed = true;
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(move));
        }
        finally
        {
            fixture.NestedSend.Armed = false;
        }

        Assert.True(fixture.NestedSend.JoinedOuterTransaction);
        Assert.Equal(before, await WrittenAsync(slug)); // neither the move nor the nested comment
    }

    [Fact]
    public async Task A_command_that_fails_gives_its_turn_to_write_back()
    {
        var (slug, sprint, items) = await ActiveSprintAsync("uow-turn");
        await AssertNothingWrittenWhenALaterStepFailsAsync(slug, new MoveSprintCard(slug, sprint, items[0], BoardColumn.InProgress, await VersionOfAsync(items[0])));

        // A turn kept by the failed command would leave this one waiting for ever: a minute is "for ever" here.
        await SendAsync(new MoveSprintCard(slug, sprint, items[0], BoardColumn.InProgress, await VersionOfAsync(items[0]))).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Contains($"{items[0]}:InProgress:", (await WrittenAsync(slug)).Items, StringComparison.Ordinal);
        Assert.Equal(0, _app.Factory.Services.GetRequiredService<SqliteWriteQueue>().Waiting);
    }

    [Fact]
    public async Task A_command_holds_the_write_lock_from_its_first_statement_so_other_writers_wait_instead_of_failing_on_upgrade()
    {
        var (slug, sprint, items) = await ActiveSprintAsync("uow-lock");
        fixture.LockProbe.DatabasePath = _app.Factory.DatabasePath;
        fixture.LockProbe.Armed = true;
        await SendAsync(new MoveSprintCard(slug, sprint, items[0], BoardColumn.InProgress, await VersionOfAsync(items[0])));

        Assert.Equal(SqliteBusy, fixture.LockProbe.OtherWriterErrorCode);
        Assert.Contains($"{items[0]}:InProgress:", (await WrittenAsync(slug)).Items, StringComparison.Ordinal);
    }
}
