using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>The whole backlog in order, read row by row from the database so a large export is streamed, not buffered.</summary>
[Requires(Permission.ViewBacklog)]
public sealed record ExportBacklog(string ProductSlug) : IQuery<IAsyncEnumerable<BacklogExportRow>>, IProductRequest;

/// <param name="Key">The item's external key (where it was imported from), else the product's slug and its id ("checkout-12"),
/// so a file imported into another product and exported again names each item the same.</param>
/// <param name="RoadmapItem">The roadmap item's title: ids mean nothing in another product.</param>
public sealed record BacklogExportRow(
    int Id, string Key, BacklogItemType Type, string Title, string? AsA, string? IWant, string? SoThat, BacklogItemStatus Status,
    int? Estimate, string Tags, string? RoadmapItem, string Rank);

public sealed class ExportBacklogHandler(AppDbContext db, ProductContext product)
    : IQueryHandler<ExportBacklog, IAsyncEnumerable<BacklogExportRow>>
{
    public ValueTask<IAsyncEnumerable<BacklogExportRow>> Handle(ExportBacklog query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ReadAsync(cancellationToken));

    // Two flat queries instead of a tag sub-select per row: all tags of the product first (small),
    // then the items streamed in order, each joined to its tags from memory.
    private async IAsyncEnumerable<BacklogExportRow> ReadAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tags = new Dictionary<int, string>();
        await foreach (var tag in db.BacklogItemTags.AsNoTracking()
                           .Where(t => db.BacklogItems.Any(i => i.Id == t.BacklogItemId))
                           .OrderBy(t => t.BacklogItemId).ThenBy(t => t.Name)
                           .Select(t => new { t.BacklogItemId, t.Name })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            tags[tag.BacklogItemId] = tags.TryGetValue(tag.BacklogItemId, out var earlier) ? earlier + " " + tag.Name : tag.Name;
        }

        var roadmap = await db.RoadmapItems.AsNoTracking().Select(r => new { r.Id, r.Title }).ToDictionaryAsync(r => r.Id, r => r.Title, cancellationToken);
        var slug = product.Slug;

        await foreach (var item in db.BacklogItems.AsNoTracking().OrderBy(i => i.Rank)
                           .Select(i => new { i.Id, i.ExternalKey, i.Type, i.Title, i.AsA, i.IWant, i.SoThat, i.Status, i.Estimate, i.RoadmapItemId, i.Rank })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new BacklogExportRow(item.Id, item.ExternalKey ?? BacklogCsv.KeyOf(slug, item.Id), item.Type, item.Title, item.AsA, item.IWant,
                item.SoThat, item.Status, item.Estimate, tags.GetValueOrDefault(item.Id, string.Empty),
                item.RoadmapItemId is { } r ? roadmap.GetValueOrDefault(r) : null, item.Rank);
        }
    }
}

public static class BacklogCsv
{
    /// <summary>The key of an item that came from nowhere else: unique across products, since slugs are.</summary>
    public static string KeyOf(string slug, int id) => slug + "-" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public const string Header = "Position,Key,Type,Title,As a,I want,So that,Status,Estimate,Tags,Roadmap item";

    public static string Line(int position, BacklogExportRow row) => string.Join(",",
        position.ToString(System.Globalization.CultureInfo.InvariantCulture), Field(row.Key),
        row.Type.ToString(), Field(row.Title), Field(row.AsA), Field(row.IWant), Field(row.SoThat), row.Status.Display(),
        row.Estimate?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Field(row.Tags), Field(row.RoadmapItem));

    /// <summary>Quotes a field; a leading = + - @ is neutralised so spreadsheets never run it as a formula.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
