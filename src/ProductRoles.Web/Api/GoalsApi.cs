using Mediator;
using ProductRoles.Web.Features.ProductManager.Goals;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Api;

/// <summary>Goals and key results over JSON, including the analytics job's way in: posting a key result's current value.</summary>
public static class GoalsApi
{
    /// <summary>The measured value; <c>version</c> (or If-Match) is optional: without it the value is set on the current version.</summary>
    public sealed record CurrentValueBody(decimal? Current, int? Version);

    public static RouteGroupBuilder MapGoalsApi(this RouteGroupBuilder api)
    {
        var goals = api.MapGroup("").WithTags("Goals");

        goals.MapGet("/products/{slug}/goals", (string slug, bool? includeArchived, ISender sender, CancellationToken ct) =>
                sender.Send(new GetGoals(slug, includeArchived ?? false), ct))
            .Reads<GoalList>("ListGoals", "Goals", "The product's goals with their key results and progress.");

        goals.MapGet("/products/{slug}/goals/{id:int}", (string slug, int id, ISender sender, CancellationToken ct) => sender.Send(new GetGoal(slug, id), ct))
            .Reads<GoalDetail>("GetGoal", "A goal", "One goal with its key results (each with its version) and the company goals it could serve.");

        goals.MapPost("/products/{slug}/goals/{goalId:int}/key-results/{id:int}/current", async (string slug, int goalId, int id, CurrentValueBody body,
                ISender sender, HttpContext http, CancellationToken ct) =>
            {
                // The same edit the goal page sends, with the key result's other fields as they stand.
                var goal = await sender.Send(new GetGoal(slug, goalId), ct);
                var keyResult = goal.Goal.KeyResults.SingleOrDefault(k => k.Id == id) ?? throw new NotFoundException();
                var version = ApiConventions.VersionFrom(http.Request, body.Version) ?? keyResult.Version;
                await sender.Send(new EditKeyResult(slug, goalId, id, keyResult.Metric, keyResult.Baseline, keyResult.Target, body.Current,
                    keyResult.DueOn, version), ct);
                return Results.NoContent();
            })
            .Writes("PostKeyResultValue", "Post a key result's current value", "Sets the measured value, which moves the key result's and the goal's progress.",
                StatusCodes.Status204NoContent);

        return api;
    }
}
