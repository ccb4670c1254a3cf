using Mediator;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.SprintBoard;
using ProductRoles.Web.Features.Scrum.Sprints;

namespace ProductRoles.Web.Api;

/// <summary>Sprints, their planning and their board over JSON: the same requests the sprint and board pages send.</summary>
public static class SprintsApi
{
    /// <summary>A sprint's fields; <c>allowOverlap</c> lets its dates overlap another sprint's, as the form's checkbox does.</summary>
    public sealed record SprintBody(string? Name, string? Goal, DateOnly? StartDate, DateOnly? EndDate, int? Capacity, bool AllowOverlap, int? Version);

    public sealed record PlanBody(int BacklogItemId);

    /// <summary>The version is optional: without it the sprint starts as it stands.</summary>
    public sealed record StartBody(int? Version);

    /// <summary>Where unfinished items go: back to the top of the backlog, or into the next planned sprint.</summary>
    public sealed record CloseBody(UnfinishedWork? Unfinished, int? Version);

    /// <summary>The column the card goes to; the version is its backlog item's.</summary>
    public sealed record MoveCardBody(int BacklogItemId, BoardColumn? To, int? Version);

    public sealed record TaskBody(int BacklogItemId, string? Title, string? OwnerId, int? RemainingHours);

    public sealed record TaskUpdateBody(string? OwnerId, int? RemainingHours, SprintTaskState? State, int? Version);

    public static RouteGroupBuilder MapSprintsApi(this RouteGroupBuilder api)
    {
        var sprints = api.MapGroup("").WithTags("Sprints");
        const string Sprint = "/products/{slug}/sprints/{id:int}";

        sprints.MapGet("/products/{slug}/sprints", async (string slug, string? cursor, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var list = await sender.Send(new GetSprints(slug), ct);
                return http.PagedById(list.Sprints, s => s.Id, "sprints", cursor);
            })
            .Reads<Paged<SprintSummary>>("ListSprints", "Sprints", "Newest first, with their state and points; paged by cursor.");

        sprints.MapGet(Sprint, async (string slug, int id, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var sprint = await sender.Send(new GetSprint(slug, id), ct);
                return http.WithETag(sprint, sprint.Version);
            })
            .Reads<SprintDetails>("GetSprint", "A sprint", "Its fields, planned items and the candidates to pull in, burndown and velocity; the ETag is its version.");

        sprints.MapPost("/products/{slug}/sprints", async (string slug, SprintBody body, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(new CreateSprint(slug, body.Name ?? "", body.Goal ?? "", body.StartDate, body.EndDate, body.Capacity ?? 0,
                    body.AllowOverlap), ct);
                return TypedResults.Created($"{ApiEndpoints.Version1}/products/{slug}/sprints/{id}", new BacklogApi.Created(id));
            })
            .Writes("CreateSprint", "Plan a sprint", "Name, goal, first and last day, and capacity in points.", StatusCodes.Status201Created, typeof(BacklogApi.Created));

        sprints.MapPut(Sprint, async (string slug, int id, SprintBody body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                await sender.Send(new EditSprint(slug, id, body.Name ?? "", body.Goal ?? "", body.StartDate, body.EndDate, body.Capacity ?? 0,
                    body.AllowOverlap, ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("EditSprint", "Edit a sprint", "A planned or active sprint's name, goal, dates or capacity. Send the version you read.", StatusCodes.Status204NoContent);

        sprints.MapPost(Sprint + "/plan", async (string slug, int id, PlanBody body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new PlanSprintItem(slug, id, body.BacklogItemId), ct);
                return Results.NoContent();
            })
            .Writes("PlanSprintItem", "Pull a backlog item into a sprint", "The item joins the sprint backlog of a planned or active sprint.", StatusCodes.Status204NoContent);

        sprints.MapPost(Sprint + "/unplan", async (string slug, int id, PlanBody body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new UnplanSprintItem(slug, id, body.BacklogItemId), ct);
                return Results.NoContent();
            })
            .Writes("UnplanSprintItem", "Take a backlog item out of a sprint", "The item goes back to the product backlog.", StatusCodes.Status204NoContent);

        sprints.MapPost(Sprint + "/start", async (string slug, int id, StartBody body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var version = ApiConventions.VersionFrom(http.Request, body.Version) ?? (await sender.Send(new GetSprint(slug, id), ct)).Version;
                await sender.Send(new StartSprint(slug, id, version), ct);
                return Results.NoContent();
            })
            .Writes("StartSprint", "Start a sprint", "Starts a planned sprint while no other one is active.", StatusCodes.Status204NoContent);

        sprints.MapPost(Sprint + "/close", async (string slug, int id, CloseBody body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                await sender.Send(new CloseSprint(slug, id, body.Unfinished ?? RoadmapApi.Unset<UnfinishedWork>(),
                    ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("CloseSprint", "Close a sprint", "Records what was done; unfinished items return to the backlog or move into the next planned sprint.",
                StatusCodes.Status204NoContent);

        MapSprintBoard(api);
        return api;
    }

    private static void MapSprintBoard(RouteGroupBuilder api)
    {
        var sprints = api.MapGroup("").WithTags("Sprints");
        const string Sprint = "/products/{slug}/sprints/{id:int}";

        sprints.MapGet(Sprint + "/board", (string slug, int id, ISender sender, CancellationToken ct) => sender.Send(new GetSprintBoard(slug, id), ct))
            .Reads<SprintBoardView>("GetSprintBoard", "The sprint board", "Each card in its column with its tasks; every card and task carries its version.");

        sprints.MapPost(Sprint + "/board/move", async (string slug, int id, MoveCardBody body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                await sender.Send(new MoveSprintCard(slug, id, body.BacklogItemId, body.To ?? RoadmapApi.Unset<BoardColumn>(),
                    ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("MoveSprintCard", "Move a card on the board", "To do, In progress or Done (Done outside the checklist only where no Definition of Done applies).",
                StatusCodes.Status204NoContent);

        sprints.MapPost(Sprint + "/tasks", async (string slug, int id, TaskBody body, ISender sender, CancellationToken ct) =>
            {
                var taskId = await sender.Send(new AddSprintTask(slug, id, body.BacklogItemId, body.Title ?? "", body.OwnerId, body.RemainingHours ?? 0), ct);
                return TypedResults.Created($"{ApiEndpoints.Version1}/products/{slug}/sprints/{id}/board", new BacklogApi.Created(taskId));
            })
            .Writes("AddSprintTask", "Add a task to a card", "A task of a backlog item in the active sprint, with an owner and the hours left.",
                StatusCodes.Status201Created, typeof(BacklogApi.Created));

        sprints.MapPut(Sprint + "/tasks/{taskId:int}", async (string slug, int id, int taskId, TaskUpdateBody body, ISender sender, HttpContext http,
                CancellationToken ct) =>
            {
                await sender.Send(new UpdateSprintTask(slug, id, taskId, body.OwnerId, body.RemainingHours ?? 0, body.State ?? RoadmapApi.Unset<SprintTaskState>(),
                    ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("UpdateSprintTask", "Update a task", "Its owner, the hours left and its state (To do, In progress, Done). Send the version you read.",
                StatusCodes.Status204NoContent);

    }
}
