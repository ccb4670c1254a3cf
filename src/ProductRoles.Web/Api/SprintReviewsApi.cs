using Mediator;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.Retrospective;
using ProductRoles.Web.Features.Scrum.SprintReview;

namespace ProductRoles.Web.Api;

/// <summary>Sprint reviews and retrospectives over JSON: the same requests the review and retrospective pages send.</summary>
public static class SprintReviewsApi
{
    /// <summary>Whether the sprint goal was met, and the review's notes.</summary>
    public sealed record ReviewBody(bool? GoalMet, string? Notes, int? Version);

    public sealed record ReviewFeedbackBody(string? Text);

    /// <summary>What went well and what to improve; <c>version</c> 0 for a retrospective not written yet.</summary>
    public sealed record RetrospectiveBody(string? WentWell, string? ToImprove, int? Version);

    /// <summary>An action the team takes into the next sprint, with an owner from the Scrum team (or none).</summary>
    public sealed record ActionBody(string? Title, string? OwnerId);

    public sealed record ActionStateBody(RetrospectiveActionState? State, int? Version);

    public static RouteGroupBuilder MapSprintReviewsApi(this RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("").WithTags("Sprint reviews");
        const string Sprint = "/products/{slug}/sprints/{id:int}";

        reviews.MapGet("/products/{slug}/reviews", async (string slug, string? cursor, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var list = await sender.Send(new GetSprintReviews(slug), ct);
                return http.PagedById(list, r => r.SprintId, "reviews", cursor);
            })
            .Reads<Paged<SprintReviewSummary>>("ListSprintReviews", "Sprint reviews", "The reviews of the product's closed sprints, latest first; paged by cursor.");

        reviews.MapGet(Sprint + "/review", async (string slug, int id, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var review = await sender.Send(new GetSprintReview(slug, id), ct);
                return http.WithETag(review, review.Version);
            })
            .Reads<SprintReviewView>("GetSprintReview", "A sprint review",
                "The increment with each item's Done record, what was not done, the roadmap items it advanced, the notes and the stakeholders' feedback; the ETag is its version.");

        reviews.MapPut(Sprint + "/review", async (string slug, int id, ReviewBody body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                await sender.Send(new RecordSprintReview(slug, id, body.GoalMet, body.Notes, ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("RecordSprintReview", "Record a sprint review", "Whether the goal was met, and the notes (product owner). Send the version you read.",
                StatusCodes.Status204NoContent);

        reviews.MapPost(Sprint + "/review/feedback", async (string slug, int id, ReviewFeedbackBody body, ISender sender, CancellationToken ct) =>
            {
                var feedbackId = await sender.Send(new GiveSprintReviewFeedback(slug, id, body.Text ?? ""), ct);
                return TypedResults.Created($"{ApiEndpoints.Version1}/products/{slug}/sprints/{id}/review", new BacklogApi.Created(feedbackId));
            })
            .Writes("GiveSprintReviewFeedback", "Give feedback on a sprint review",
                "A member's feedback on the increment; it also lands in the product owner's customer feedback inbox.", StatusCodes.Status201Created,
                typeof(BacklogApi.Created));

        var retrospectives = api.MapGroup("").WithTags("Retrospectives");

        retrospectives.MapGet(Sprint + "/retrospective", async (string slug, int id, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var retrospective = await sender.Send(new GetRetrospective(slug, id), ct);
                return http.WithETag(retrospective, retrospective.Version);
            })
            .Reads<RetrospectiveView>("GetRetrospective", "A sprint's retrospective",
                "What went well, what to improve, its actions and those carried over; the ETag is its version (0 before it is written).");

        retrospectives.MapPut(Sprint + "/retrospective", async (string slug, int id, RetrospectiveBody body, ISender sender, HttpContext http,
                CancellationToken ct) =>
            {
                await sender.Send(new SaveRetrospective(slug, id, body.WentWell, body.ToImprove, ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("SaveRetrospective", "Write the retrospective", "What went well and what to improve (the Scrum team). Send the version you read (0 the first time).",
                StatusCodes.Status204NoContent);

        retrospectives.MapPost(Sprint + "/retrospective/actions", async (string slug, int id, ActionBody body, ISender sender, CancellationToken ct) =>
            {
                var actionId = await sender.Send(new AddRetrospectiveAction(slug, id, body.Title ?? "", body.OwnerId), ct);
                return TypedResults.Created($"{ApiEndpoints.Version1}/products/{slug}/sprints/{id}/retrospective", new BacklogApi.Created(actionId));
            })
            .Writes("AddRetrospectiveAction", "Add a retrospective action", "Something the team will do, with an owner from the Scrum team.",
                StatusCodes.Status201Created, typeof(BacklogApi.Created));

        retrospectives.MapPut("/products/{slug}/retrospective-actions/{id:int}/state", async (string slug, int id, ActionStateBody body, ISender sender,
                HttpContext http, CancellationToken ct) =>
            {
                await sender.Send(new SetRetrospectiveActionState(slug, id, body.State ?? RoadmapApi.Unset<RetrospectiveActionState>(),
                    ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("SetRetrospectiveActionState", "Move a retrospective action on", "Open, in progress, done or dropped. Send the version you read.",
                StatusCodes.Status204NoContent);

        return api;
    }
}
