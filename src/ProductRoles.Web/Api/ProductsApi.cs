using Mediator;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.Products;
using ProductRoles.Web.Features.Scrum.Sprints;

namespace ProductRoles.Web.Api;

/// <summary>JSON endpoints for products, their settings, members and history; each sends the same request the pages send.</summary>
public static class ProductsApi
{
    public sealed record SettingsBody(string? Name, string? Description, LifecycleStage Stage, int? Version);

    /// <summary>The products endpoints; the documented (v1) set pages history by cursor, the first API by page number.</summary>
    public static RouteGroupBuilder MapProductsApi(this RouteGroupBuilder api, bool documented = false)
    {
        var products = api.MapGroup("").WithTags("Products");
        products.MapGet("/products", (ISender sender, CancellationToken ct) => sender.Send(new GetMyProducts(), ct))
            .Reads<IReadOnlyList<MyProduct>>("ListMyProducts", "My products", "The products you belong to, with your role in each (a product-restricted token sees its one product).");

        products.MapGet("/products/{slug}", (string slug, ISender sender, CancellationToken ct) => sender.Send(new GetProductHome(slug), ct))
            .Reads<ProductHome>("GetProduct", "A product's home", "Stage, members and recent history of one product.");

        products.MapGet("/products/{slug}/settings", async (string slug, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var settings = await sender.Send(new GetProductSettings(slug), ct);
                return http.WithETag(settings, settings.Version);
            })
            .Reads<ProductSettings>("GetProductSettings", "Product settings", "Name, description and lifecycle stage; the ETag is the version to send back.");

        products.MapPut("/products/{slug}/settings", async (string slug, SettingsBody body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var version = ApiConventions.RequireVersion(http.Request, body.Version);
                await sender.Send(new EditProductSettings(slug, body.Name ?? "", body.Description, body.Stage, version), ct);
                return Results.NoContent();
            })
            .Writes("EditProductSettings", "Change product settings", "Renames the product or moves it to another lifecycle stage (product manager, administrator).",
                StatusCodes.Status204NoContent);

        if (documented)
        {
            products.MapGet("/products/{slug}/history", async (string slug, string? cursor, ISender sender, HttpContext http, CancellationToken ct) =>
                {
                    var before = ApiConventions.KeyOf(cursor, "history", 1) is [var id] ? ApiConventions.Number(id) : (long?)null;
                    var page = await sender.Send(new ListHistoryEntries(slug, before), ct);
                    return http.Paged(page.Rows, page.HasMore ? ApiConventions.CursorAfter("history", ApiConventions.Key(page.Rows[^1].Id)) : null, page.Total);
                })
                .Reads<Paged<HistoryEntry>>("ListProductHistory", "The product's history", "Who changed what, when, newest first; paged by cursor.");

            products.MapGet("/products/{slug}/members", (string slug, ISender sender, CancellationToken ct) => sender.Send(new GetProductMembers(slug), ct))
                .Reads<ProductMembers>("ListMembers", "Members", "The product's members and their roles.");
        }
        else
        {
            products.MapGet("/products/{slug}/history", (string slug, int? page, ISender sender, CancellationToken ct) =>
                sender.Send(new GetNumberedHistoryPage(slug, page ?? 1), ct));
        }

        // The home's current sprint panel, for clients that show the home from GET /products/{slug}.
        products.MapGet("/products/{slug}/sprints/current", (string slug, ISender sender, CancellationToken ct) => sender.Send(new GetCurrentSprint(slug), ct))
            .Reads<CurrentSprintView>("GetCurrentSprint", "The current sprint", "The running sprint (goal, days left, remaining work, your tasks) and the next planned one.");

        return api;
    }
}
