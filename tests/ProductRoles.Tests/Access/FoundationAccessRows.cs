using static ProductRoles.Tests.Access.AccessRow;

namespace ProductRoles.Tests.Access;

public sealed class FoundationAccessRows : IAccessRows
{
    public IEnumerable<AccessRow> Rows =>
    [
        Get("/", Roles.Everyone),
        Get("/p/{slug}", Roles.MembersAndAdmin),
        Get("/p/{slug}/history", [.. Roles.Team, Who.Admin]),
        Get("/p/{slug}/members", Roles.MembersAndAdmin),
        Post("/p/{slug}/members", Roles.AdminOnly, handler: "SetRole",
            form: new Dictionary<string, string> { ["Input.Email"] = "", ["Input.Role"] = "Developer" }),
        Post("/p/{slug}/members", Roles.AdminOnly, handler: "Remove",
            form: new Dictionary<string, string> { ["userId"] = "no-such-user" }),
        Get("/p/{slug}/settings", Who.ProductManager, Who.Admin),
        Post("/p/{slug}/settings", [Who.ProductManager, Who.Admin],
            form: new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Stage"] = "Growth", ["Input.Version"] = "0" }),
        Get("/admin/products", Roles.AdminOnly),
        Post("/admin/products", Roles.AdminOnly,
            form: new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Slug"] = "Not A Slug", ["Input.Stage"] = "Discovery" }),
        Get("/admin/users", Roles.AdminOnly),
        Post("/admin/users", Roles.AdminOnly,
            form: new Dictionary<string, string> { ["Input.Email"] = "not-an-email", ["Input.DisplayName"] = "", ["Input.Password"] = "short" }),

        // JSON API
        Get("/api/products", Roles.Everyone),
        Get("/api/products/{slug}", Roles.MembersAndAdmin),
        Get("/api/products/{slug}/settings", Who.ProductManager, Who.Admin),
        JsonWrite("PUT", "/api/products/{slug}/settings", new { name = "", stage = "Growth", version = 0 }, Who.ProductManager, Who.Admin),
        Get("/api/products/{slug}/history", [.. Roles.Team, Who.Admin]),
    ];
}
