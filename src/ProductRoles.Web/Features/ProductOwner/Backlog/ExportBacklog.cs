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

    /// <summary>Names the export's query in the SQL it sends (tests and profiles find it by this).</summary>
    public const string QueryTag = "Backlog export";

    // One query, streamed: the items in order, each joined to its tags (one row per tag, an untagged item once),
    // folded into one export row as the next item's first row arrives. Memory stays that of one item whatever the
    // backlog's size; only the roadmap's titles (a few dozen) are read up front.
    private async IAsyncEnumerable<BacklogExportRow> ReadAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var roadmap = await db.RoadmapItems.AsNoTracking().Select(r => new { r.Id, r.Title }).ToDictionaryAsync(r => r.Id, r => r.Title, cancellationToken);
        var slug = product.Slug;
        var rows = db.BacklogItems.AsNoTracking().TagWith(QueryTag)
            .SelectMany(i => db.BacklogItemTags.Where(t => t.BacklogItemId == i.Id).Select(t => t.Name).DefaultIfEmpty(),
                (i, tag) => new { i.Id, i.ExternalKey, i.Type, i.Title, i.AsA, i.IWant, i.SoThat, i.Status, i.Estimate, i.RoadmapItemId, i.Rank, Tag = tag })
            .OrderBy(r => r.Rank).ThenBy(r => r.Id).ThenBy(r => r.Tag);
        BacklogExportRow? pending = null;
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (pending is not null && pending.Id == row.Id)
            {
                pending = pending with { Tags = pending.Tags.Length == 0 ? row.Tag ?? "" : pending.Tags + " " + row.Tag };
                continue;
            }

            if (pending is not null)
            {
                yield return pending;
            }

            pending = new BacklogExportRow(row.Id, row.ExternalKey ?? BacklogCsv.KeyOf(slug, row.Id), row.Type, row.Title, row.AsA, row.IWant,
                row.SoThat, row.Status, row.Estimate, row.Tag ?? string.Empty,
                row.RoadmapItemId is { } r ? roadmap.GetValueOrDefault(r) : null, row.Rank);
        }

        if (pending is not null)
        {
            yield return pending;
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
