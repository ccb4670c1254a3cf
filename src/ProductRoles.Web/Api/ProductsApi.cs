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

    /// <summary>The user (by email) and the role they get.</summary>
    public sealed record MemberBody(string? Email, ProductRole? Role);

    /// <summary>The products endpoints; the documented (v1) set pages history by cursor, the first API by page number.</summary>
    public static RouteGroupBuilder MapProductsApi(this RouteGroupBuilder api, bool documented = false)
    {
        var products = api.MapGroup("").WithTags("Products");
        if (documented)
        {
            products.MapGet("/products", async (string? cursor, ISender sender, HttpContext http, CancellationToken ct) =>
                    http.PagedByKey(await sender.Send(new GetMyProducts(), ct), p => p.Slug, "products", cursor))
                .Reads<Paged<MyProduct>>("ListMyProducts", "My products",
                    "The products you belong to, with your role in each (a product-restricted token sees its one product); paged by cursor.");
        }
        else
        {
            products.MapGet("/products", (ISender sender, CancellationToken ct) => sender.Send(new GetMyProducts(), ct));
        }

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

            MapMembers(products);
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

    /// <summary>The members page's requests: everyone in the product reads who is in it; an administrator adds, re-roles and removes.</summary>
    private static void MapMembers(RouteGroupBuilder products)
    {
        products.MapGet("/products/{slug}/members", async (string slug, string? cursor, ISender sender, HttpContext http, CancellationToken ct) =>
                http.PagedByKey((await sender.Send(new GetProductMembers(slug), ct)).Members, m => m.UserId, "members", cursor))
            .Reads<Paged<MemberView>>("ListMembers", "Members", "The product's members and their roles, by role then name; paged by cursor.");

        products.MapPut("/products/{slug}/members", async (string slug, MemberBody body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new SetMemberRole(slug, body.Email ?? "", body.Role ?? RoadmapApi.Unset<ProductRole>()), ct);
                return Results.NoContent();
            })
            .Writes("SetMemberRole", "Add a member or change a member's role",
                "An administrator puts a user (by email) into the product in a role, or gives a member another one; it goes into the history.",
                StatusCodes.Status204NoContent);

        products.MapDelete("/products/{slug}/members/{userId}", async (string slug, string userId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RemoveMember(slug, userId), ct);
                return Results.NoContent();
            })
            .Writes("RemoveMember", "Remove a member", "An administrator takes the user out of the product; they lose access at once. 400 if they are not a member.",
                StatusCodes.Status204NoContent);
    }
}
