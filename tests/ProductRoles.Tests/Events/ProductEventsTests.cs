using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.ProductManager.RoadmapFeedback;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Features.ProductOwner.Feedback;
using ProductRoles.Web.Features.Scrum.SprintBoard;
using ProductRoles.Web.Features.Scrum.SprintReview;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Events;

namespace ProductRoles.Tests.Events;

/// <summary>Every product event the app raises, as a test-only handler of each event type saw it.</summary>
public sealed class ProductEventLog
{
    private readonly ConcurrentQueue<IProductEvent> _events = new();

    public void Add(IProductEvent domainEvent) => _events.Enqueue(domainEvent);

    public List<IProductEvent> Of(int productId) => [.. _events.Where(e => e.ProductId == productId)];
}

public sealed class RecordProductEvent<TEvent>(ProductEventLog log) : IDomainEventHandler<TEvent>
    where TEvent : IProductEvent
{
    public Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken)
    {
        log.Add(domainEvent);
        return Task.CompletedTask;
    }
}

public sealed class ProductEventsFixture : IAsyncLifetime
{
    public ProductEventLog Log { get; } = new();

    public AppFixture App { get; }

    public ProductEventsFixture() =>
        App = new AppFixture
        {
            Factory = new AppFactory
            {
                ExtraServices = services =>
                {
                    services.AddSingleton(Log);
                    foreach (var type in EventTypes)
                    {
                        services.AddScoped(typeof(IDomainEventHandler<>).MakeGenericType(type), typeof(RecordProductEvent<>).MakeGenericType(type));
                    }
                },
            },
        };

    public static IEnumerable<Type> EventTypes => typeof(IProductEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IProductEvent).IsAssignableFrom(t));

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ProductEventsCollection : ICollectionFixture<ProductEventsFixture>
{
    public const string Name = "product events";
}

/// <summary>
/// The named domain events that live updates, webhooks and notifications hang off: each command
/// raises what happened, with the product, the ids, the acting user and what changed.
/// </summary>
[Collection(ProductEventsCollection.Name)]
public sealed class ProductEventsTests(ProductEventsFixture fixture)
{
    private readonly AppFixture _app = fixture.App;

    private Task<string> UserIdAsync(string email) =>
        _app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<int> VersionOfBacklogItemAsync(int id) =>
        _app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == id).Select(i => i.Version).SingleAsync());

    private List<T> Events<T>(TestProduct product) => [.. fixture.Log.Of(product.Id).OfType<T>()];

    [Fact]
    public async Task Backlog_commands_raise_created_changed_moved_commented_removed_and_done_with_the_actor_and_the_change()
    {
        var product = await _app.NewProduct("Events backlog").BuildAsync();
        var po = await UserIdAsync(AppFixture.Po);
        var dev = await UserIdAsync(AppFixture.Dev);
        var first = await product.BacklogItem("Saved cards").Estimate(3).CreateAsync();
        var second = await product.BacklogItem("Receipts").CreateAsync();

        var created = Assert.Single(Events<BacklogItemCreated>(product), e => e.BacklogItemId == first);
        Assert.Equal((po, "Saved cards"), (created.ActorId, created.Title));

        var fields = product.BacklogItem("Saved cards, faster").Estimate(5).Status(BacklogItemStatus.InProgress).Tags("payments").Fields;
        await product.SendAsync(AppFixture.Dev, new EditBacklogItem(product.Slug, first, fields, await VersionOfBacklogItemAsync(first)));
        var changed = Assert.Single(Events<BacklogItemChanged>(product), e => e.BacklogItemId == first);
        Assert.Equal(dev, changed.ActorId);
        Assert.Contains(new FieldChange("Title", "Saved cards", "Saved cards, faster"), changed.Changes);
        Assert.Contains(new FieldChange("Status", "Ready", "In progress"), changed.Changes);
        Assert.Contains(new FieldChange("Estimate", "3", "5"), changed.Changes);
        Assert.Contains(new FieldChange("Tags", "", "payments"), changed.Changes);
        Assert.DoesNotContain(changed.Changes, c => c.Field is "Type" or "Acceptance criteria");

        var order = await product.BacklogOrderAsync();
        await product.SendAsync(AppFixture.Po, new MoveBacklogItem(product.Slug, order[^1], BacklogMove.Top));
        var moved = Assert.Single(Events<BacklogItemMoved>(product));
        Assert.Equal((order[^1], po, 2, 1), (moved.BacklogItemId, moved.ActorId, moved.From, moved.To));

        await product.SendAsync(AppFixture.Dev, new AddBacklogComment(product.Slug, second, "Looks good"));
        Assert.Equal(dev, Assert.Single(Events<BacklogItemCommented>(product)).ActorId);

        var removal = product.BacklogItem("Receipts").Status(BacklogItemStatus.Removed).Fields;
        await product.SendAsync(AppFixture.Po, new EditBacklogItem(product.Slug, second, removal, await VersionOfBacklogItemAsync(second)));
        Assert.Equal(second, Assert.Single(Events<BacklogItemRemoved>(product)).BacklogItemId);

        await product.MarkDoneAsync(first);
        var done = Assert.Single(Events<BacklogItemMarkedDone>(product));
        Assert.Equal((first, dev, 1), (done.BacklogItemId, done.ActorId, done.DefinitionOfDoneNumber));
    }

    [Fact]
    public async Task A_move_to_where_the_item_already_is_raises_nothing()
    {
        var product = await _app.NewProduct("Events no move").BuildAsync();
        var item = await product.BacklogItem("Alone").CreateAsync();

        await product.SendAsync(AppFixture.Po, new MoveBacklogItem(product.Slug, item, BacklogMove.Top));

        Assert.Empty(Events<BacklogItemMoved>(product));
    }

    [Fact]
    public async Task Sprint_commands_raise_planned_started_card_moved_tasks_closed_and_review_events()
    {
        var product = await _app.NewProduct("Events sprint").WithDefinitionOfDone("Reviewed").BuildAsync();
        var sm = await UserIdAsync(AppFixture.Sm);
        var dev = await UserIdAsync(AppFixture.Dev);
        var po = await UserIdAsync(AppFixture.Po);
        var stakeholder = await UserIdAsync(AppFixture.Stakeholder);
        var items = await product.BacklogItemsAsync(3);
        var sprint = await product.Sprint("Sprint 1").Planning(items[0], items[1], items[2]).Started().CreateAsync();
        await product.SendAsync(AppFixture.Sm, new UnplanSprintItem(product.Slug, sprint, items[2]));

        Assert.Equal((sm, "Sprint 1"), Assert.Single(Events<SprintCreated>(product)) is var c ? (c.ActorId, c.Name) : default);
        Assert.Equal([items[0], items[1], items[2]], Events<SprintItemPlanned>(product).Select(e => e.BacklogItemId));
        Assert.Equal(items[2], Assert.Single(Events<SprintItemUnplanned>(product)).BacklogItemId);
        Assert.Equal(sprint, Assert.Single(Events<SprintStarted>(product)).SprintId);

        await product.SendAsync(AppFixture.Dev, new MoveSprintCard(product.Slug, sprint, items[0], BoardColumn.InProgress, await VersionOfBacklogItemAsync(items[0])));
        var card = Assert.Single(Events<SprintCardMoved>(product));
        Assert.Equal((items[0], dev, BacklogItemStatus.Planned, BacklogItemStatus.InProgress), (card.BacklogItemId, card.ActorId, card.From, card.To));

        var task = await product.SendAsync(AppFixture.Dev, new AddSprintTask(product.Slug, sprint, items[0], "Write the API", null, 4));
        Assert.Equal((task, "Write the API"), Assert.Single(Events<SprintTaskAdded>(product)) is var t ? (t.TaskId, t.Title) : default);
        await product.SendAsync(AppFixture.Dev, new UpdateSprintTask(product.Slug, sprint, task, null, 2, SprintTaskState.InProgress, 0));
        var taskChanged = Assert.Single(Events<SprintTaskChanged>(product));
        Assert.Contains(new FieldChange("Remaining hours", "4", "2"), taskChanged.Changes);
        Assert.Equal(items[0], taskChanged.BacklogItemId);

        await product.MarkDoneAsync(items[0]);
        await product.CloseSprintAsync(sprint);
        var closed = Assert.Single(Events<SprintClosed>(product));
        Assert.Equal((po, 1, 2), (closed.ActorId, closed.DonePoints, closed.CommittedPoints));
        Assert.Equal([items[1]], closed.UnfinishedBacklogItemIds);
        Assert.Equal(sprint, Assert.Single(Events<SprintReviewReady>(product)).SprintId);

        await product.SendAsync(AppFixture.Po, new RecordSprintReview(product.Slug, sprint, true, "Shipped", 0));
        Assert.True(Assert.Single(Events<SprintReviewRecorded>(product)).GoalMet);

        var feedback = await product.SendAsync(AppFixture.Stakeholder, new GiveSprintReviewFeedback(product.Slug, sprint, "Lovely"));
        var given = Assert.Single(Events<SprintReviewFeedbackGiven>(product));
        Assert.Equal((feedback, stakeholder), (given.FeedbackItemId, given.ActorId));
        Assert.Equal(FeedbackSourceKind.Stakeholder, Assert.Single(Events<CustomerFeedbackReceived>(product)).SourceKind);
    }

    [Fact]
    public async Task Roadmap_commands_raise_created_changed_moved_status_published_and_feedback_events()
    {
        var product = await _app.NewProduct("Events roadmap").BuildAsync();
        var pm = await UserIdAsync(AppFixture.Pm);
        var po = await UserIdAsync(AppFixture.Po);
        var first = await product.RoadmapItem("Wallets").In(RoadmapHorizon.Now).CreateAsync();
        var second = await product.RoadmapItem("Refunds").In(RoadmapHorizon.Next).CreateAsync();
        Assert.Equal([first, second], Events<RoadmapItemCreated>(product).Select(e => e.RoadmapItemId));

        await product.SendAsync(AppFixture.Pm, new SaveRoadmapItem(product.Slug, second, "Refunds in a click", "Outcome", RoadmapHorizon.Now, null,
            RoadmapItemStatus.InProgress, 10, 1, 50, 1, null, [], [], 0));
        var changed = Assert.Single(Events<RoadmapItemChanged>(product));
        Assert.Equal(pm, changed.ActorId);
        Assert.Contains(new FieldChange("Title", "Refunds", "Refunds in a click"), changed.Changes);
        var status = Assert.Single(Events<RoadmapItemStatusChanged>(product));
        Assert.Equal((RoadmapItemStatus.Planned, RoadmapItemStatus.InProgress), (status.From, status.To));
        var edited = Assert.Single(Events<RoadmapItemMoved>(product));
        Assert.Equal((RoadmapHorizon.Next, 1, RoadmapHorizon.Now, 2), (edited.FromHorizon, edited.FromPosition, edited.ToHorizon, edited.ToPosition));

        await product.SendAsync(AppFixture.Pm, new MoveRoadmapItem(product.Slug, first, RoadmapHorizon.Later, null, 0));
        var moved = Events<RoadmapItemMoved>(product).Last();
        Assert.Equal((first, RoadmapHorizon.Now, 1, RoadmapHorizon.Later, 1), (moved.RoadmapItemId, moved.FromHorizon, moved.FromPosition, moved.ToHorizon, moved.ToPosition));

        var published = await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, null));
        var publish = Assert.Single(Events<RoadmapPublished>(product));
        Assert.Equal((published, 2, pm), (publish.PublishedRoadmapId, publish.ItemCount, publish.ActorId));

        var note = await product.SendAsync(AppFixture.Po, new GiveRoadmapFeedback(product.Slug, first, RoadmapFeedbackKind.Risk, "Card schemes may object"));
        var given = Assert.Single(Events<RoadmapFeedbackGiven>(product));
        Assert.Equal((first, note, po, RoadmapFeedbackKind.Risk), (given.RoadmapItemId, given.FeedbackId, given.ActorId, given.Kind));
        await product.SendAsync(AppFixture.Pm, new ResolveRoadmapFeedback(product.Slug, note, RoadmapFeedbackStatus.Answered, "We asked them", 0));
        var answered = Assert.Single(Events<RoadmapFeedbackAnswered>(product));
        Assert.Equal((RoadmapFeedbackStatus.Open, RoadmapFeedbackStatus.Answered, pm), (answered.From, answered.To, answered.ActorId));
    }

    [Fact]
    public async Task Customer_feedback_commands_raise_received_triaged_and_turned_into_stories()
    {
        var product = await _app.NewProduct("Events feedback").BuildAsync();
        var po = await UserIdAsync(AppFixture.Po);
        var feedback = await product.Feedback("Refunds take too long").CreateAsync();
        var received = Assert.Single(Events<CustomerFeedbackReceived>(product));
        Assert.Equal((feedback, po, FeedbackSourceKind.Customer), (received.FeedbackItemId, received.ActorId, received.SourceKind));

        await product.SendAsync(AppFixture.Po, new TriageFeedback(product.Slug, feedback, FeedbackStatus.Declined, null, "refunds", 0));
        var triaged = Assert.Single(Events<CustomerFeedbackTriaged>(product));
        Assert.Equal((FeedbackStatus.New, FeedbackStatus.Declined), (triaged.From, triaged.To));

        var stories = await product.SendAsync(AppFixture.Po, new TurnFeedbackIntoBacklogItems(product.Slug, feedback, BacklogItemType.Story,
            "shopper", "refund in one click\nsee refund status", null));
        var turned = Assert.Single(Events<CustomerFeedbackTurnedIntoStories>(product));
        Assert.Equal(stories, turned.BacklogItemIds);
        Assert.All(Events<BacklogItemCreated>(product), e => Assert.Equal(feedback, e.FromFeedbackId));
        Assert.Equal(stories, Events<BacklogItemCreated>(product).Select(e => e.BacklogItemId));
    }

    [Fact]
    public async Task A_command_that_fails_leaves_its_events_undelivered_to_later_commands()
    {
        var product = await _app.NewProduct("Events failure").BuildAsync();
        var item = await product.BacklogItem("Stale").CreateAsync();
        var fields = product.BacklogItem("Renamed").Fields;

        await Assert.ThrowsAnyAsync<Exception>(() => product.SendAsync(AppFixture.Po, new EditBacklogItem(product.Slug, item, fields, 99)));

        Assert.Empty(Events<BacklogItemChanged>(product));
    }

    [Fact]
    public void Every_product_event_is_a_sealed_record_in_the_domain()
    {
        var types = ProductEventsFixture.EventTypes.ToList();
        Assert.True(types.Count >= 25, $"Expected the named events, found {types.Count}.");
        Assert.All(types, t =>
        {
            Assert.True(t.IsSealed, $"{t.Name} is sealed");
            Assert.StartsWith("ProductRoles.Web.Domain", t.Namespace, StringComparison.Ordinal);
            Assert.NotNull(t.GetMethod("<Clone>$"));
        });
    }
}
