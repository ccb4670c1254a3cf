using static ProductRoles.Tests.Access.AccessRow;

namespace ProductRoles.Tests.Access;

/// <summary>Search and the palette are for everyone signed in; what they show is filtered per product and role (SearchPageTests).</summary>
public sealed class SearchAccessRows : IAccessRows
{
    public IEnumerable<AccessRow> Rows =>
    [
        Get("/search", Roles.Everyone),
        new("GET", "/search", Roles.Everyone, Handler: "Palette"),
    ];
}
