using Mediator;
using ProductRoles.Web.Features.ProductManager.Vision;

namespace ProductRoles.Web.Api;

/// <summary>The product vision board over JSON: the same requests the vision page sends.</summary>
public static class VisionApi
{
    public sealed record VisionBody(string? Statement, string? TargetGroup, string? Needs, string? ProductDetails, string? BusinessGoals, int? Version);

    public sealed record Revision(int Number);

    public static RouteGroupBuilder MapVisionApi(this RouteGroupBuilder api)
    {
        var vision = api.MapGroup("").WithTags("Vision");

        vision.MapGet("/products/{slug}/vision", async (string slug, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var board = await sender.Send(new GetVision(slug), ct);
                return http.WithETag(board, board.Version);
            })
            .Reads<VisionBoard>("GetVision", "The vision", "Statement, target group, needs, product and business goals, with its revisions; the ETag is its version.");

        vision.MapPut("/products/{slug}/vision", async (string slug, VisionBody body, ISender sender, HttpContext http, CancellationToken ct) =>
                new Revision(await sender.Send(new EditVision(slug, body.Statement ?? "", body.TargetGroup, body.Needs, body.ProductDetails,
                    body.BusinessGoals, ApiConventions.RequireVersion(http.Request, body.Version)), ct)))
            .Writes("EditVision", "Edit the vision", "Saves the vision board as a new revision (product manager). Send the version you read.",
                StatusCodes.Status200OK, typeof(Revision));

        return api;
    }
}
