using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Features.ProductOwner.Import;
using static ProductRoles.Tests.Access.AccessRow;

namespace ProductRoles.Tests.Access;

/// <summary>
/// Backlog import: only the product owner. The import the rows name is an upload with a bad row
/// ("stop" on bad rows), so an allowed Start is refused and nothing is ever imported.
/// </summary>
public sealed class ImportAccessRows : IAccessRows
{
    private static readonly Who[] PoOnly = [Who.ProductOwner];
    private static readonly ConditionalWeakTable<AppFixture, Task<int>> Imports = [];

    public IEnumerable<AccessRow> Rows =>
    [
        Get("/p/{slug}/backlog/import", PoOnly),
        Post("/p/{slug}/backlog/import", PoOnly, form: new Dictionary<string, string> { ["Upload"] = "" }),
        Get("/p/{slug}/backlog/import/{id:int}", PoOnly) with { Resolve = ImportId },
        Post("/p/{slug}/backlog/import/{id:int}", PoOnly, handler: "Mapping",
            form: new Dictionary<string, string> { ["Mapping.Columns[0].Field"] = "Title", ["Mapping.Columns[0].Column"] = "No such column" }) with { Resolve = ImportId },
        Post("/p/{slug}/backlog/import/{id:int}", PoOnly, handler: "Start", form: new Dictionary<string, string>()) with { Resolve = ImportId },
        Get("/p/{slug}/backlog/import/{id:int}/progress", PoOnly) with { Resolve = ImportId },
        Post("/p/{slug}/backlog/import/{id:int}/progress", PoOnly, handler: "Undo", form: new Dictionary<string, string>()) with { Resolve = ImportId },
        Get("/p/{slug}/backlog/import/{id:int}/progress/fragment", PoOnly) with { Resolve = ImportId },
    ];

    private static async Task<IReadOnlyDictionary<string, string>> ImportId(AppFixture app) =>
        AccessProduct.Id(await Imports.GetValue(app, UploadAsync));

    private static async Task<int> UploadAsync(AppFixture app)
    {
        var product = (await AccessProduct.GetAsync(app)).Product;
        var csv = "Summary,Issue key,Issue Type,Status,Custom field (Story Points)\r\nPay by card,ACC-1,Story,To Do,three\r\n";
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var id = await product.SendAsync(AppFixture.Po, new UploadBacklogImport(product.Slug, "access.csv", content));
        return int.Parse(id.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
