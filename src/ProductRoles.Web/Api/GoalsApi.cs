using Mediator;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Features.ProductManager.Goals;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Api;

/// <summary>Goals and key results over JSON, including the analytics job's way in: posting a key result's current value.</summary>
public static class GoalsApi
{
    /// <summary>The measured value; <c>version</c> (or If-Match) is optional: without it the value is set on the current version.</summary>
    public sealed record CurrentValueBody(decimal? Current, int? Version);

    /// <summary>A goal: a product goal may serve a company goal (by id).</summary>
    public sealed record GoalBody(string? Title, string? Description, GoalLevel Level, int? CompanyGoalId, int? Version);

    public sealed record ArchiveBody(bool Archived, int? Version);

    /// <summary>A key result: what is measured, from where to where, by when; measured by check-ins (default) or from delivery.</summary>
    public sealed record KeyResultBody(
        string? Metric, decimal? Baseline, decimal? Target, decimal? Current, DateOnly? DueOn, KeyResultMeasure? MeasuredBy, int? Version);

    /// <summary>A measured value on a day (today when left out), with an optional note.</summary>
    public sealed record CheckInBody(decimal? Value, DateOnly? On, string? Note);

    public static RouteGroupBuilder MapGoalsApi(this RouteGroupBuilder api)
    {
        var goals = api.MapGroup("").WithTags("Goals");

        goals.MapGet("/products/{slug}/goals", async (string slug, bool? includeArchived, string? cursor, ISender sender, HttpContext http,
                CancellationToken ct) =>
            {
                var list = await sender.Send(new GetGoals(slug, includeArchived ?? false), ct);
                return http.PagedById(list.Goals, g => g.Id, "goals", cursor);
            })
            .Reads<Paged<GoalView>>("ListGoals", "Goals", "The product's goals with their key results and progress, as on the goals page; paged by cursor.");

        goals.MapGet("/products/{slug}/goals/{id:int}", async (string slug, int id, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var goal = await sender.Send(new GetGoal(slug, id), ct);
                return http.WithETag(goal, goal.Goal.Version);
            })
            .Reads<GoalDetail>("GetGoal", "A goal", "One goal with its key results (each with its version) and the company goals it could serve; the ETag is the goal's version.");

        goals.MapPost("/products/{slug}/goals", async (string slug, GoalBody body, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(new CreateGoal(slug, body.Title ?? "", body.Description, body.Level, body.CompanyGoalId), ct);
                return TypedResults.Created($"{ApiEndpoints.Version1}/products/{slug}/goals/{id}", new BacklogApi.Created(id));
            })
            .Writes("CreateGoal", "Set a goal", "A product goal (optionally serving a company goal) or a company goal.", StatusCodes.Status201Created,
                typeof(BacklogApi.Created));

        goals.MapPut("/products/{slug}/goals/{id:int}", async (string slug, int id, GoalBody body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                await sender.Send(new EditGoal(slug, id, body.Title ?? "", body.Description, body.Level, body.CompanyGoalId,
                    ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("EditGoal", "Edit a goal", "Title, description, level and the company goal it serves. Send the version you read.", StatusCodes.Status204NoContent);

        goals.MapPost("/products/{slug}/goals/{id:int}/archive", async (string slug, int id, ArchiveBody body, ISender sender, HttpContext http,
                CancellationToken ct) =>
            {
                await sender.Send(new SetGoalArchived(slug, id, body.Archived, ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("ArchiveGoal", "Archive or restore a goal", "An archived goal leaves the goals page (includeArchived=true lists it); archived=false restores it.",
                StatusCodes.Status204NoContent);

        MapKeyResults(api);
        return api;
    }

    private static void MapKeyResults(RouteGroupBuilder api)
    {
        var goals = api.MapGroup("").WithTags("Goals");

        goals.MapPost("/products/{slug}/goals/{goalId:int}/key-results", async (string slug, int goalId, KeyResultBody body, ISender sender,
                CancellationToken ct) =>
            {
                var id = await sender.Send(new CreateKeyResult(slug, goalId, body.Metric ?? "", body.Baseline, body.Target, body.Current, body.DueOn,
                    body.MeasuredBy ?? KeyResultMeasure.CheckIns), ct);
                return TypedResults.Created($"{ApiEndpoints.Version1}/products/{slug}/goals/{goalId}", new BacklogApi.Created(id));
            })
            .Writes("CreateKeyResult", "Add a key result", "A measurable result of the goal: metric, baseline, target, current value and due date.",
                StatusCodes.Status201Created, typeof(BacklogApi.Created));

        goals.MapPut("/products/{slug}/goals/{goalId:int}/key-results/{id:int}", async (string slug, int goalId, int id, KeyResultBody body,
                ISender sender, HttpContext http, CancellationToken ct) =>
            {
                await sender.Send(new EditKeyResult(slug, goalId, id, body.Metric ?? "", body.Baseline, body.Target, body.Current, body.DueOn,
                    ApiConventions.RequireVersion(http.Request, body.Version), body.MeasuredBy ?? KeyResultMeasure.CheckIns), ct);
                return Results.NoContent();
            })
            .Writes("EditKeyResult", "Edit a key result", "Replaces the key result's fields. Send the version you read; a stale one answers 409.",
                StatusCodes.Status204NoContent);

        goals.MapPost("/products/{slug}/goals/{goalId:int}/key-results/{id:int}/current", async (string slug, int goalId, int id, CurrentValueBody body,
                ISender sender, HttpContext http, CancellationToken ct) =>
            {
                // The same edit the goal page sends, with the key result's other fields as they stand.
                var goal = await sender.Send(new GetGoal(slug, goalId), ct);
                var keyResult = goal.Goal.KeyResults.SingleOrDefault(k => k.Id == id) ?? throw new NotFoundException();
                var version = ApiConventions.VersionFrom(http.Request, body.Version) ?? keyResult.Version;
                await sender.Send(new EditKeyResult(slug, goalId, id, keyResult.Metric, keyResult.Baseline, keyResult.Target, body.Current,
                    keyResult.DueOn, version, keyResult.MeasuredBy), ct);
                return Results.NoContent();
            })
            .Writes("PostKeyResultValue", "Post a key result's current value", "Sets the measured value, which moves the key result's and the goal's progress.",
                StatusCodes.Status204NoContent);

        goals.MapPost("/products/{slug}/goals/{goalId:int}/key-results/{id:int}/check-ins", async (string slug, int goalId, int id, CheckInBody body,
                ISender sender, CancellationToken ct) =>
            {
                // The check-in names the key result only: make sure it is this goal's, as the goal page does by listing its own.
                var goal = await sender.Send(new GetGoal(slug, goalId), ct);
                _ = goal.Goal.KeyResults.SingleOrDefault(k => k.Id == id) ?? throw new NotFoundException();
                var checkIn = await sender.Send(new CheckInKeyResult(slug, id, body.Value, body.On, body.Note), ct);
                return TypedResults.Created($"{ApiEndpoints.Version1}/products/{slug}/goals/{goalId}", new BacklogApi.Created(checkIn));
            })
            .Writes("CheckInKeyResult", "Check in a key result", "Records the value measured on a day (today by default); the latest check-in is the current value.",
                StatusCodes.Status201Created, typeof(BacklogApi.Created));

    }
}
