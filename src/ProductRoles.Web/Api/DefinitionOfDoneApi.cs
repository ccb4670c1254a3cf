using Mediator;
using ProductRoles.Web.Features.ProductOwner.DefinitionOfDone;

namespace ProductRoles.Web.Api;

/// <summary>The Definition of Done over JSON: the same requests its page sends.</summary>
public static class DefinitionOfDoneApi
{
    /// <summary>The criteria one per line; <c>version</c> (or If-Match) is the number of the Definition of Done you started from (0 for none).</summary>
    public sealed record DefinitionOfDoneBody(string? Criteria, int? Version);

    public sealed record Revision(int Number);

    public static RouteGroupBuilder MapDefinitionOfDoneApi(this RouteGroupBuilder api)
    {
        var done = api.MapGroup("").WithTags("Definition of Done");

        done.MapGet("/products/{slug}/definition-of-done", async (string slug, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var view = await sender.Send(new GetDefinitionOfDone(slug), ct);
                return http.WithETag(view, view.Current?.Number ?? 0);
            })
            .Reads<DefinitionOfDoneView>("GetDefinitionOfDone", "The Definition of Done",
                "The current criteria and the earlier versions; the ETag is the current version's number.");

        done.MapPut("/products/{slug}/definition-of-done", async (string slug, DefinitionOfDoneBody body, ISender sender, HttpContext http,
                CancellationToken ct) =>
                new Revision(await sender.Send(new EditDefinitionOfDone(slug, body.Criteria, ApiConventions.RequireVersion(http.Request, body.Version)), ct)))
            .Writes("EditDefinitionOfDone", "Change the Definition of Done",
                "Saves the criteria as a new version (product owner); items already done keep the version they met. A stale version answers 409.",
                StatusCodes.Status200OK, typeof(Revision));

        return api;
    }
}
