using Mediator;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.ProductManager.RoadmapFeedback;

namespace ProductRoles.Web.Api;

/// <summary>The roadmap and its feedback over JSON: the same requests the roadmap pages send.</summary>
public static class RoadmapApi
{
    /// <summary>A roadmap item's fields as the edit form takes them: RICE inputs, linked goals and insights by id.</summary>
    public sealed record RoadmapItemBody(
        string? Title, string? Outcome, RoadmapHorizon Horizon, string? TargetQuarter, RoadmapItemStatus Status, int? Reach, decimal? Impact,
        int? Confidence, decimal? Effort, string? Notes, IReadOnlyList<int>? GoalIds, IReadOnlyList<int>? InsightIds, int? Version);

    /// <summary>Where the item goes: its horizon, before another item of it (or at its end).</summary>
    public sealed record MoveBody(RoadmapHorizon? Horizon, int? BeforeItemId, int? Version);

    public sealed record StatusBody(RoadmapItemStatus? Status, int? Version);

    public sealed record PublishBody(string? Note);

    public sealed record Publication(int Number);

    public sealed record FeedbackBody(RoadmapFeedbackKind Kind, string? Body);

    /// <summary>Accepted, declined or answered (declining or answering needs an answer), or Open to reopen.</summary>
    public sealed record ResolveBody(RoadmapFeedbackStatus? Status, string? Answer, int? Version);

    public static RouteGroupBuilder MapRoadmapApi(this RouteGroupBuilder api)
    {
        var roadmap = api.MapGroup("").WithTags("Roadmap");

        roadmap.MapGet("/products/{slug}/roadmap", async (string slug, RoadmapSort? sort, string? cursor, ISender sender, HttpContext http,
                CancellationToken ct) =>
            {
                var board = await sender.Send(new GetRoadmapBoard(slug, sort ?? RoadmapSort.Rank), ct);
                return http.PagedById(board.Columns.SelectMany(c => c.Items).ToList(), i => i.Id, "roadmap", cursor);
            })
            .Reads<Paged<RoadmapCard>>("ListRoadmapItems", "The roadmap",
                "Now, then Next, then Later; within a horizon in the board's order (sort=Rank) or by RICE score (sort=Score); paged by cursor.");

        roadmap.MapGet("/products/{slug}/roadmap/{id:int}", async (string slug, int id, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var item = await sender.Send(new GetRoadmapItem(slug, id), ct);
                return http.WithETag(item, item.Version);
            })
            .Reads<RoadmapItemDetail>("GetRoadmapItem", "A roadmap item",
                "Outcome, horizon, quarter, status, RICE inputs and score, notes, goals, insights, feedback and delivery; the ETag is its version.");

        roadmap.MapPost("/products/{slug}/roadmap", async (string slug, RoadmapItemBody body, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(Save(slug, 0, body, 0), ct);
                return TypedResults.Created($"{ApiEndpoints.Version1}/products/{slug}/roadmap/{id}", new BacklogApi.Created(id));
            })
            .Writes("CreateRoadmapItem", "Add a roadmap item", "A theme or initiative with its outcome and RICE inputs; it goes to the end of its horizon.",
                StatusCodes.Status201Created, typeof(BacklogApi.Created));

        roadmap.MapPut("/products/{slug}/roadmap/{id:int}", async (string slug, int id, RoadmapItemBody body, ISender sender, HttpContext http,
                CancellationToken ct) =>
            {
                await sender.Send(Save(slug, id, body, ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("EditRoadmapItem", "Edit a roadmap item", "Replaces the item's fields and links. Send the version you read; a stale one answers 409.",
                StatusCodes.Status204NoContent);

        roadmap.MapPost("/products/{slug}/roadmap/{id:int}/move", async (string slug, int id, MoveBody body, ISender sender, HttpContext http,
                CancellationToken ct) =>
            {
                await sender.Send(new MoveRoadmapItem(slug, id, body.Horizon ?? Unset<RoadmapHorizon>(), body.BeforeItemId,
                    ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("MoveRoadmapItem", "Move a roadmap item", "To another horizon and/or before another item of it (none: to its end), as on the board.",
                StatusCodes.Status204NoContent);

        roadmap.MapPut("/products/{slug}/roadmap/{id:int}/status", async (string slug, int id, StatusBody body, ISender sender, HttpContext http,
                CancellationToken ct) =>
            {
                // The edit form's request, with the item's other fields as they stand.
                var item = await sender.Send(new GetRoadmapItem(slug, id), ct);
                var version = ApiConventions.VersionFrom(http.Request, body.Version) ?? item.Version;
                await sender.Send(new SaveRoadmapItem(slug, id, item.Title, item.Outcome, item.Horizon, item.TargetQuarter,
                    body.Status ?? Unset<RoadmapItemStatus>(), item.Reach, item.Impact, item.Confidence, item.Effort, item.Notes,
                    [.. item.Goals.Select(g => g.Id)], [.. item.Insights.Select(i => i.Id)], version), ct);
                return Results.NoContent();
            })
            .Writes("SetRoadmapItemStatus", "Set a roadmap item's status", "Only the status changes; the version (If-Match or \"version\") is optional.",
                StatusCodes.Status204NoContent);

        roadmap.MapPost("/products/{slug}/roadmap/publish", async (string slug, PublishBody body, ISender sender, CancellationToken ct) =>
                new Publication(await sender.Send(new PublishRoadmap(slug, body.Note), ct)))
            .Writes("PublishRoadmap", "Publish the roadmap", "Stakeholders then see a snapshot of every item that is not dropped: never scores or notes.",
                StatusCodes.Status200OK, typeof(Publication));

        MapRoadmapFeedback(api);
        return api;
    }

    private static void MapRoadmapFeedback(RouteGroupBuilder api)
    {
        var roadmap = api.MapGroup("").WithTags("Roadmap");

        roadmap.MapGet("/products/{slug}/roadmap/feedback", async (string slug, RoadmapFeedbackStatus? status, string? cursor, ISender sender,
                HttpContext http, CancellationToken ct) =>
            {
                var list = await sender.Send(new GetRoadmapFeedback(slug, status), ct);
                return http.PagedById(list.Items, f => f.Id, "roadmap-feedback", cursor);
            })
            .Reads<Paged<FeedbackView>>("ListRoadmapFeedback", "Feedback on the roadmap", "The team's feedback on roadmap items, open first; optionally one status; paged by cursor.");

        roadmap.MapPost("/products/{slug}/roadmap/{id:int}/feedback", async (string slug, int id, FeedbackBody body, ISender sender, CancellationToken ct) =>
            {
                var feedbackId = await sender.Send(new GiveRoadmapFeedback(slug, id, body.Kind, body.Body ?? ""), ct);
                return TypedResults.Created($"{ApiEndpoints.Version1}/products/{slug}/roadmap/{id}", new BacklogApi.Created(feedbackId));
            })
            .Writes("GiveRoadmapFeedback", "Give feedback on a roadmap item", "A feasibility note, customer concern, dependency or risk, for the product manager.",
                StatusCodes.Status201Created, typeof(BacklogApi.Created));

        roadmap.MapPut("/products/{slug}/roadmap/feedback/{id:int}", async (string slug, int id, ResolveBody body, ISender sender, HttpContext http,
                CancellationToken ct) =>
            {
                await sender.Send(new ResolveRoadmapFeedback(slug, id, body.Status ?? Unset<RoadmapFeedbackStatus>(), body.Answer,
                    ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("ResolveRoadmapFeedback", "Answer or resolve roadmap feedback",
                "Accept, decline or answer it (declining or answering needs an answer), or reopen it. Send the version you read.",
                StatusCodes.Status204NoContent);

    }

    private static SaveRoadmapItem Save(string slug, int id, RoadmapItemBody body, int version) =>
        new(slug, id, body.Title ?? "", body.Outcome, body.Horizon, body.TargetQuarter, body.Status, body.Reach, body.Impact, body.Confidence,
            body.Effort, body.Notes, body.GoalIds ?? [], body.InsightIds ?? [], version);

    /// <summary>A choice left out of the body: no value of the enum, so the request's validator asks for it beside the field.</summary>
    public static T Unset<T>()
        where T : struct, Enum => (T)Enum.ToObject(typeof(T), -1);
}
