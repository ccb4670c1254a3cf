using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.Products;
using ProductRoles.Web.Features.Scrum.Sprints;

namespace ProductRoles.Web.Api;

/// <summary>JSON endpoints for products; each sends the same request the pages send.</summary>
public static class ProductsApi
{
    public sealed record SettingsBody(string? Name, string? Description, LifecycleStage Stage, int Version);

    public static RouteGroupBuilder MapProductsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/antiforgery", (IAntiforgery antiforgery, HttpContext http) =>
            Results.Ok(new { token = antiforgery.GetAndStoreTokens(http).RequestToken, header = "X-CSRF-TOKEN" }));

        api.MapGet("/products", (ISender sender, CancellationToken ct) => sender.Send(new GetMyProducts(), ct));

        api.MapGet("/products/{slug}", (string slug, ISender sender, CancellationToken ct) =>
            sender.Send(new GetProductHome(slug), ct));

        api.MapGet("/products/{slug}/settings", (string slug, ISender sender, CancellationToken ct) =>
            sender.Send(new GetProductSettings(slug), ct));

        api.MapPut("/products/{slug}/settings", async (string slug, SettingsBody body, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new EditProductSettings(slug, body.Name ?? "", body.Description, body.Stage, body.Version), ct);
            return Results.NoContent();
        });

        api.MapGet("/products/{slug}/history", (string slug, int? page, ISender sender, CancellationToken ct) =>
            sender.Send(new GetProductHistory(slug, page ?? 1), ct));

        // The home's current sprint panel, for clients that show the home from GET /products/{slug}.
        api.MapGet("/products/{slug}/sprints/current", (string slug, ISender sender, CancellationToken ct) =>
            sender.Send(new GetCurrentSprint(slug), ct));

        return api;
    }
}
