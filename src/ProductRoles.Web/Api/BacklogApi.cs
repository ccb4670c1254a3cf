using Mediator;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Web.Api;

/// <summary>The product backlog over JSON: the same requests the backlog pages send.</summary>
public static class BacklogApi
{
    /// <summary>A backlog item's fields; acceptance criteria one per line, tags comma-separated, as the forms take them.</summary>
    public sealed record BacklogItemBody(
        BacklogItemType Type, string? Title, string? AsA, string? IWant, string? SoThat, string? Description, int? Estimate,
        BacklogItemStatus Status, string? Tags, string? AcceptanceCriteria, int? RoadmapItemId, int? Version)
    {
        public BacklogItemFields Fields => new(Type, Title ?? "", AsA, IWant, SoThat, Description, Estimate, Status, Tags, AcceptanceCriteria, RoadmapItemId);
    }

    public sealed record MoveBody(BacklogMove Move, int? Position, string? Reason);

    public sealed record BulkEditBody(IReadOnlyList<int>? ItemIds, string? AddTag, BacklogItemStatus? Status, int? RoadmapItemId, bool ClearRoadmapItem);

    public sealed record CommentBody(string? Text);

    /// <summary>One criterion of the Definition of Done: ticked, or waived with a reason.</summary>
    public sealed record DoneCriterionBody(int CriterionId, bool Checked, bool Waived, string? WaiverReason);

    /// <summary>
    /// The checklist as the Mark as Done form sends it: the Definition of Done version checked against (from
    /// <c>GET …/done-checklist</c>), every criterion ticked or waived, and the item's version (If-Match or <c>version</c>).
    /// </summary>
    public sealed record DoneBody(int? DefinitionOfDoneVersionId, IReadOnlyList<DoneCriterionBody>? Criteria, int? Version);

    public sealed record Created(int Id);

    public sealed record Changed(int Count);

    public static RouteGroupBuilder MapBacklogApi(this RouteGroupBuilder api)
    {
        var backlog = api.MapGroup("").WithTags("Backlog");

        backlog.MapGet("/products/{slug}/backlog", async (string slug, BacklogItemStatus? status, BacklogItemType? type, string? tag, int? roadmapItemId, string? text,
                string? cursor, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var after = ApiConventions.KeyOf(cursor, "backlog", 3) is [var rank, var id, var position]
                    ? new BacklogKey(rank, ApiConventions.Int(id), ApiConventions.Int(position))
                    : null;
                var page = await sender.Send(new ListBacklogRows(slug, new BacklogFilter(status, type, tag, roadmapItemId, text), after), ct);
                var last = page.Rows.Count > 0 ? page.Rows[^1] : null;
                return http.Paged(page.Rows, page.HasMore && last is not null
                    ? ApiConventions.CursorAfter("backlog", last.Rank, ApiConventions.Key(last.Id), ApiConventions.Key(last.Position))
                    : null, page.Total);
            })
            .Reads<Paged<BacklogRow>>("ListBacklogItems", "The backlog", "The product backlog in order, filtered as on the backlog page (status, type, tag, roadmap item, text); paged by cursor.");

        backlog.MapGet("/products/{slug}/backlog/{id:int}", async (string slug, int id, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var item = await sender.Send(new GetBacklogItem(slug, id), ct);
                return http.WithETag(item, item.Version);
            })
            .Reads<BacklogItemDetails>("GetBacklogItem", "A backlog item", "The item with its acceptance criteria, source feedback, roadmap link, Done record and comments; the ETag is its version.");

        backlog.MapPost("/products/{slug}/backlog", async (string slug, BacklogItemBody body, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(new CreateBacklogItem(slug, body.Fields), ct);
                return TypedResults.Created($"{ApiEndpoints.Version1}/products/{slug}/backlog/{id}", new Created(id));
            })
            .Writes("CreateBacklogItem", "Write a backlog item", "A story, bug or chore; it goes to the top or the bottom as the product's setting says.",
                StatusCodes.Status201Created, typeof(Created));

        backlog.MapPut("/products/{slug}/backlog/{id:int}", async (string slug, int id, BacklogItemBody body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                await sender.Send(new EditBacklogItem(slug, id, body.Fields, ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("EditBacklogItem", "Edit a backlog item", "Replaces the item's fields. Send the version you read (If-Match or \"version\"); a stale one answers 409.",
                StatusCodes.Status204NoContent);

        backlog.MapPost("/products/{slug}/backlog/{id:int}/move", (string slug, int id, MoveBody body, ISender sender, CancellationToken ct) =>
                sender.Send(new MoveBacklogItem(slug, id, body.Move, body.Position, body.Reason), ct))
            .Writes("MoveBacklogItem", "Move a backlog item", "Up, down, to the top, to the bottom or to a position; the move and its reason go into the history.",
                StatusCodes.Status200OK, typeof(MoveResult));

        backlog.MapPost("/products/{slug}/backlog/bulk-edit", async (string slug, BulkEditBody body, ISender sender, CancellationToken ct) =>
                new Changed(await sender.Send(new BulkEditBacklogItems(slug, body.ItemIds ?? [], body.AddTag, body.Status, body.RoadmapItemId,
                    body.ClearRoadmapItem), ct)))
            .Writes("BulkEditBacklogItems", "Change several backlog items at once", "Adds a tag, sets a status, or sets or clears the roadmap item of the listed items.",
                StatusCodes.Status200OK, typeof(Changed));

        backlog.MapPost("/products/{slug}/backlog/{id:int}/comments", async (string slug, int id, CommentBody body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new AddBacklogComment(slug, id, body.Text ?? ""), ct);
                return Results.NoContent();
            })
            .Writes("CommentOnBacklogItem", "Comment on a backlog item", "Adds a comment (Markdown, @mentions of members) to the item.", StatusCodes.Status204NoContent);

        MapDone(backlog);
        return api;
    }

    /// <summary>A CI job marks an item Done through the same checklist, waivers and rules as the item page and the board.</summary>
    private static void MapDone(RouteGroupBuilder backlog)
    {
        backlog.MapGet("/products/{slug}/backlog/{id:int}/done-checklist", async (string slug, int id, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var checklist = await sender.Send(new GetDoneChecklist(slug, id), ct);
                return http.WithETag(checklist, checklist.ItemVersion);
            })
            .Reads<DoneChecklist>("GetDoneChecklist", "The Definition of Done checklist for an item",
                "The current Definition of Done's version id and criteria, to tick or waive when marking the item Done; the ETag is the item's version.");

        backlog.MapPost("/products/{slug}/backlog/{id:int}/done", async (string slug, int id, DoneBody body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var criteria = (body.Criteria ?? []).Select(c => new DoneCriterionInput(c.CriterionId, c.Checked, c.Waived, c.WaiverReason)).ToList();
                var checkedAgainst = body.DefinitionOfDoneVersionId ?? throw Infrastructure.Pipeline.RequestValidationException.For("definitionOfDoneVersionId",
                    "Send the id of the Definition of Done version you checked against (definitionOfDoneVersionId of GET …/done-checklist).");
                await sender.Send(new MarkBacklogItemDone(slug, id, checkedAgainst, criteria,
                    ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("MarkBacklogItemDone", "Mark a backlog item Done",
                "Every criterion of the current Definition of Done ticked, or waived with a reason (400 names each one that is neither). " +
                "The item records the version it met and how; a sprint it is in burns down. A Definition of Done changed since the checklist was read is a 400; " +
                "a stale item version a 409.",
                StatusCodes.Status204NoContent);
    }
}
