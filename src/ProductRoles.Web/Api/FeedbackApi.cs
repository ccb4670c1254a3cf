using Mediator;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Features.ProductOwner.Feedback;

namespace ProductRoles.Web.Api;

/// <summary>Customer feedback over JSON: the intake for support tools, triage, and turning it into stories.</summary>
public static class FeedbackApi
{
    public sealed record FeedbackBody(FeedbackSourceKind SourceKind, string? SourceName, string? Account, string? Text, DateOnly? ReceivedOn, string? Tags);

    public sealed record TriageBody(FeedbackStatus Status, int? DuplicateOfId, string? Tags, int? Version);

    public sealed record StoriesBody(BacklogItemType Type, string? AsA, string? Wants, string? SoThat);

    public sealed record CreatedItems(IReadOnlyList<int> Ids);

    public static RouteGroupBuilder MapFeedbackApi(this RouteGroupBuilder api)
    {
        var feedback = api.MapGroup("").WithTags("Customer feedback");

        feedback.MapGet("/products/{slug}/feedback", async (string slug, FeedbackStatus? status, FeedbackSourceKind? source, string? text, string? cursor,
                ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var after = ApiConventions.KeyOf(cursor, "feedback", 2) is [var day, var id]
                    ? new FeedbackKey(ApiConventions.Day(day), ApiConventions.Int(id))
                    : null;
                var page = await sender.Send(new ListFeedbackRows(slug, status, source, text, after), ct);
                var last = page.Rows.Count > 0 ? page.Rows[^1] : null;
                return http.Paged(page.Rows, page.HasMore && last is not null
                    ? ApiConventions.CursorAfter("feedback", ApiConventions.Key(last.ReceivedOn.DayNumber), ApiConventions.Key(last.Id))
                    : null, page.Total);
            })
            .Reads<Paged<FeedbackRow>>("ListFeedback", "The feedback inbox", "Newest first, filtered by status, source and text as on the inbox page; paged by cursor.");

        feedback.MapGet("/products/{slug}/feedback/{id:int}", async (string slug, int id, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var item = await sender.Send(new GetFeedbackItem(slug, id), ct);
                return http.WithETag(item, item.Version);
            })
            .Reads<FeedbackDetails>("GetFeedback", "A feedback item", "The feedback with the backlog items made from it; the ETag is its version.");

        feedback.MapPost("/products/{slug}/feedback", async (string slug, FeedbackBody body, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(new RecordFeedback(slug, body.SourceKind, body.SourceName ?? "", body.Account, body.Text ?? "",
                    body.ReceivedOn, body.Tags), ct);
                return TypedResults.Created($"{ApiEndpoints.Version1}/products/{slug}/feedback/{id}", new BacklogApi.Created(id));
            })
            .Writes("RecordFeedback", "Record customer feedback", "The intake for support tools: a complaint, concern or request from a named source lands in the product owner's inbox as New.",
                StatusCodes.Status201Created, typeof(BacklogApi.Created));

        feedback.MapPut("/products/{slug}/feedback/{id:int}/triage", async (string slug, int id, TriageBody body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                await sender.Send(new TriageFeedback(slug, id, body.Status, body.DuplicateOfId, body.Tags,
                    ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("TriageFeedback", "Triage feedback", "Accept, decline or mark as a duplicate of another item, and retag. Send the version you read.",
                StatusCodes.Status204NoContent);

        feedback.MapPost("/products/{slug}/feedback/{id:int}/backlog-items", async (string slug, int id, StoriesBody body, ISender sender, CancellationToken ct) =>
            {
                var ids = await sender.Send(new TurnFeedbackIntoBacklogItems(slug, id, body.Type, body.AsA, body.Wants, body.SoThat), ct);
                return TypedResults.Created($"{ApiEndpoints.Version1}/products/{slug}/feedback/{id}", new CreatedItems(ids));
            })
            .Writes("TurnFeedbackIntoBacklogItems", "Turn feedback into backlog items", "One backlog item per line of \"wants\", linked both ways; the feedback becomes Accepted.",
                StatusCodes.Status201Created, typeof(CreatedItems));

        return api;
    }
}
