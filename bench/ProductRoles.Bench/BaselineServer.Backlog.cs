using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Bench;

/// <summary>The backlog's first screen and its CSV export, by hand: the same rows, the same HTML and CSV.</summary>
public sealed partial class BaselineServer
{
    private const int BacklogPageSize = 50;

    private async Task Backlog(HttpContext http, string slug)
    {
        await using var connection = await OpenAsync();
        var caller = await AuthorizeAsync(connection, http, slug);
        if (caller is null || !caller.Access.Can(Permission.ViewBacklog))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var access = caller.Access;
        var canEdit = access.Can(Permission.EditBacklogItems);
        var canOrder = access.Can(Permission.OrderBacklog);
        var canCreate = access.Can(Permission.CreateBacklogItems);
        var requested = int.TryParse(http.Request.Query["p"], CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;

        // The filter's choices, tags and roadmap items, and the total, in one statement: the tag table and the product's counter.
        var allTags = new List<string>();
        var roadmapItems = new List<(long Id, string Title)>();
        long total = 0;
        await using (var options = connection.CreateCommand())
        {
            options.CommandText = """
                SELECT 0, 0, t."Name" FROM "ProductTags" t WHERE t."ProductId" = $product AND t."ItemCount" > 0
                UNION ALL
                SELECT 1, r."Id", r."Title" FROM "RoadmapItems" r WHERE r."ProductId" = $product
                UNION ALL
                SELECT 2, p."BacklogItemCount", '' FROM "Products" p WHERE p."Id" = $product
                """;
            options.Parameters.AddWithValue("$product", access.ProductId);
            await using var reader = await options.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                switch (reader.GetInt32(0))
                {
                    case 0:
                        allTags.Add(reader.GetString(2));
                        break;
                    case 1:
                        roadmapItems.Add((reader.GetInt64(1), reader.GetString(2)));
                        break;
                    default:
                        total = reader.GetInt64(1);
                        break;
                }
            }
        }

        var pageCount = Math.Max(1, (int)((total + BacklogPageSize - 1) / BacklogPageSize));
        var page = Math.Min(requested, pageCount);
        var offset = (page - 1) * BacklogPageSize;
        var rows = new List<(int Id, string Type, string Title, string Status, long? Estimate, string? Roadmap, string? Tags, long Criteria, long Met, long Feedback)>(BacklogPageSize);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT i."Id", i."Type", i."Title", i."Status", i."Estimate", (SELECT r."Title" FROM "RoadmapItems" r WHERE r."Id" = i."RoadmapItemId"),
                  (SELECT group_concat(t."Name", ',') FROM "BacklogItemTags" t WHERE t."BacklogItemId" = i."Id"),
                  (SELECT COUNT(*) FROM "AcceptanceCriteria" c WHERE c."BacklogItemId" = i."Id"),
                  (SELECT COUNT(*) FROM "AcceptanceCriteria" c WHERE c."BacklogItemId" = i."Id" AND c."IsMet"),
                  (SELECT COUNT(*) FROM "BacklogItemFeedbackLinks" f WHERE f."BacklogItemId" = i."Id")
                FROM "BacklogItems" i WHERE i."ProductId" = $product ORDER BY i."Rank" LIMIT $take OFFSET $skip
                """;
            command.Parameters.AddWithValue("$product", access.ProductId);
            command.Parameters.AddWithValue("$take", BacklogPageSize);
            command.Parameters.AddWithValue("$skip", offset);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9)));
            }
        }

        allTags.Sort(StringComparer.Ordinal);
        roadmapItems.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Title, b.Title));

        var e = HtmlEncoder.Default;
        var tokenInput = TokenInput(http);
        var pageUrl = Url("/ProductOwner/Backlog/Index", slug);
        var itemUrl = Url("/ProductOwner/Backlog/Item", slug, 0);
        var itemUrlPrefix = itemUrl[..itemUrl.LastIndexOf('0')];
        var html = new StringBuilder(96 * 1024);
        WriteLayoutStart(html, http, "Product backlog", caller, "/ProductOwner/Backlog/Index", "/css/product-owner.css", "/js/backlog.js");
        WriteLiveBar(html, http, slug, "backlog", "backlog");
        html.Append("<div class=\"page-head\">\n    <div>\n        <h1>Product backlog</h1>\n        <p>Everything the team might work on, in order: the top matters most. ")
            .Append(total).Append(total == 1 ? " item" : " items").Append(".</p>\n    </div>\n    <div class=\"actions\">\n");
        if (canCreate)
        {
            html.Append("            <a class=\"button\" data-shortcut=\"create\" href=\"").Append(Url("/ProductOwner/Backlog/New", slug)).Append("\">New backlog item</a>\n")
                .Append("            <a class=\"button button-secondary\" href=\"").Append(Url("/ProductOwner/Import/Index", slug)).Append("\">Import CSV</a>\n");
        }

        html.Append("        <a class=\"button button-secondary\" href=\"").Append(Url("/ProductOwner/Backlog/Export", slug)).Append("\">Export CSV</a>\n    </div>\n</div>\n")
            .Append("<form method=\"get\" class=\"inline-form panel\" aria-label=\"Filter the backlog\">\n    <div class=\"field\">\n        <label for=\"f-status\">Status</label>\n        <select id=\"f-status\" name=\"Status\">\n            <option value=\"\">Any status</option>\n");
        foreach (var status in Enum.GetValues<BacklogItemStatus>())
        {
            html.Append("                <option value=\"").Append(status).Append("\">").Append(e.Encode(status.Display())).Append("</option>\n");
        }

        html.Append("        </select>\n    </div>\n    <div class=\"field\">\n        <label for=\"f-type\">Type</label>\n        <select id=\"f-type\" name=\"Type\">\n            <option value=\"\">Any type</option>\n");
        foreach (var type in Enum.GetValues<BacklogItemType>())
        {
            html.Append("                <option value=\"").Append(type).Append("\">").Append(type).Append("</option>\n");
        }

        html.Append("        </select>\n    </div>\n    <div class=\"field\">\n        <label for=\"f-tag\">Tag</label>\n        <select id=\"f-tag\" name=\"Tag\">\n            <option value=\"\">Any tag</option>\n");
        foreach (var tag in allTags)
        {
            var t = e.Encode(tag);
            html.Append("                <option value=\"").Append(t).Append("\">").Append(t).Append("</option>\n");
        }

        html.Append("        </select>\n    </div>\n    <div class=\"field\">\n        <label for=\"f-roadmap\">Roadmap item</label>\n        <select id=\"f-roadmap\" name=\"roadmap\">\n            <option value=\"\">Any roadmap item</option>\n");
        var roadmapOptions = new StringBuilder();
        foreach (var (roadmapId, roadmapTitle) in roadmapItems)
        {
            roadmapOptions.Append("                <option value=\"").Append(roadmapId).Append("\">").Append(e.Encode(roadmapTitle)).Append("</option>\n");
        }

        html.Append(roadmapOptions).Append("        </select>\n    </div>\n")
            .Append("    <div class=\"field\">\n        <label for=\"f-text\">Text</label>\n        <input id=\"f-text\" type=\"search\" name=\"q\" />\n    </div>\n    <button type=\"submit\" class=\"button button-secondary\">Filter</button>\n</form>\n");
        if (canEdit)
        {
            html.Append("    <form method=\"post\" id=\"bulk-form\" class=\"inline-form po-bulk\" aria-label=\"Change selected items\" action=\"").Append(pageUrl).Append("?p=").Append(page).Append("&amp;handler=Bulk\">\n")
                .Append("        <strong>Selected items:</strong>\n        <div class=\"field\">\n            <label for=\"bulk-tag\">Add tag</label>\n            <input id=\"bulk-tag\" type=\"text\" name=\"addTag\" />\n        </div>\n")
                .Append("        <div class=\"field\">\n            <label for=\"bulk-status\">Set status</label>\n            <select id=\"bulk-status\" name=\"bulkStatus\">\n                <option value=\"\">Keep status</option>\n");
            foreach (var status in Enum.GetValues<BacklogItemStatus>().Where(s => s != BacklogItemStatus.Done))
            {
                html.Append("                    <option value=\"").Append(status).Append("\">").Append(e.Encode(status.Display())).Append("</option>\n");
            }

            html.Append("            </select>\n        </div>\n        <div class=\"field\">\n            <label for=\"bulk-roadmap\">Set roadmap item</label>\n            <select id=\"bulk-roadmap\" name=\"bulkRoadmapItemId\">\n                <option value=\"\">Keep roadmap item</option>\n")
                .Append(roadmapOptions).Append("            </select>\n        </div>\n")
                .Append("        <div class=\"field field-check\">\n            <input id=\"bulk-clear\" type=\"checkbox\" name=\"clearRoadmapItem\" value=\"true\" />\n            <label for=\"bulk-clear\">Clear roadmap item</label>\n        </div>\n")
                .Append("        <button type=\"submit\" class=\"button button-secondary\">Apply to selected</button>\n    ").Append(tokenInput).Append("</form>\n");
        }

        if (canOrder && page > 1)
        {
            html.Append("    <p class=\"po-drop-top\" data-position=\"1\" hidden>Drop a row here to move it to the top of the backlog</p>\n");
        }

        html.Append("<div class=\"table-wrap\">\n    <table class=\"table po-backlog\" data-can-order=\"").Append(canOrder ? "true" : "false").Append("\">\n        <thead>\n            <tr>\n");
        if (canEdit)
        {
            html.Append("                    <th scope=\"col\"><span class=\"visually-hidden\">Select</span></th>\n");
        }

        html.Append("                <th scope=\"col\" class=\"num\">#</th>\n                <th scope=\"col\">Item</th>\n                <th scope=\"col\">Status</th>\n                <th scope=\"col\" class=\"num\">Points</th>\n                <th scope=\"col\">Tags</th>\n                <th scope=\"col\">Criteria</th>\n");
        if (canOrder)
        {
            html.Append("                    <th scope=\"col\">Order</th>\n");
        }

        html.Append("            </tr>\n        </thead>\n        <tbody>\n");
        var position = offset;
        foreach (var row in rows)
        {
            position++;
            var id = row.Id.ToString(CultureInfo.InvariantCulture);
            var status = Enum.Parse<BacklogItemStatus>(row.Status);
            html.Append("                <tr id=\"item-").Append(id).Append("\" data-shortcut-row data-item-id=\"").Append(id).Append("\" data-position=\"").Append(position).Append('"')
                .Append(canOrder ? " draggable=\"true\"" : string.Empty).Append(">\n");
            if (canEdit)
            {
                html.Append("                        <td><input type=\"checkbox\" form=\"bulk-form\" name=\"ids\" value=\"").Append(id).Append("\" aria-label=\"Select #").Append(id).Append("\" /></td>\n");
            }

            html.Append("                    <td class=\"num\">").Append(position).Append("</td>\n                    <td class=\"po-item\">\n                        <span class=\"po-type po-type-")
                .Append(row.Type.ToLowerInvariant()).Append("\">").Append(row.Type).Append("</span>\n                        <a data-shortcut=\"open\" href=\"").Append(itemUrlPrefix).Append(id).Append("\">")
                .Append(e.Encode(row.Title)).Append("</a>\n                        <span class=\"muted small\">#").Append(id).Append("</span>\n");
            if (row.Feedback > 0)
            {
                html.Append("                            <span class=\"muted small\" title=\"Made from customer feedback\">· from feedback</span>\n");
            }

            if (row.Roadmap is { } roadmap)
            {
                html.Append("                            <span class=\"muted small\">· roadmap: ").Append(e.Encode(roadmap)).Append("</span>\n");
            }

            html.Append("                    </td>\n                    <td><span class=\"badge ").Append(BacklogBadges.For(status)).Append("\">").Append(e.Encode(status.Display())).Append("</span></td>\n")
                .Append("                    <td class=\"num\">").Append(row.Estimate).Append("</td>\n                    <td class=\"po-tags\">");
            if (row.Tags is not null)
            {
                foreach (var tag in row.Tags.Split(','))
                {
                    html.Append(" <span class=\"po-tag\">").Append(e.Encode(tag)).Append("</span> ");
                }
            }

            html.Append("</td>\n                    <td>").Append(row.Criteria == 0 ? string.Empty : $"{row.Met}/{row.Criteria}").Append("</td>\n");
            if (canOrder)
            {
                html.Append("                        <td class=\"po-order\">\n                            <form method=\"post\" class=\"po-move\" aria-label=\"Move #").Append(id).Append("\" action=\"").Append(pageUrl).Append("?handler=Move\">\n")
                    .Append("                                <input type=\"hidden\" name=\"itemId\" value=\"").Append(id).Append("\" />\n")
                    .Append("                                <button type=\"submit\" name=\"move\" value=\"Up\" class=\"button button-quiet button-small\" title=\"Move up\" data-shortcut=\"move-up\" aria-label=\"Move #").Append(id).Append(" up\">↑</button>\n")
                    .Append("                                <button type=\"submit\" name=\"move\" value=\"Down\" class=\"button button-quiet button-small\" title=\"Move down\" data-shortcut=\"move-down\" aria-label=\"Move #").Append(id).Append(" down\">↓</button>\n")
                    .Append("                                <button type=\"submit\" name=\"move\" value=\"Top\" class=\"button button-quiet button-small\" title=\"Move to top\" data-shortcut=\"move-top\" aria-label=\"Move #").Append(id).Append(" to the top\">Top</button>\n")
                    .Append("                                <details class=\"po-move-more\">\n                                    <summary>More</summary>\n                                    <label for=\"pos-").Append(id).Append("\">To position</label>\n")
                    .Append("                                    <input id=\"pos-").Append(id).Append("\" type=\"number\" name=\"position\" min=\"1\" max=\"").Append(total).Append("\" class=\"po-position\" />\n")
                    .Append("                                    <label for=\"reason-").Append(id).Append("\">Reason (optional)</label>\n")
                    .Append("                                    <input id=\"reason-").Append(id).Append("\" type=\"text\" name=\"reason\" maxlength=\"500\" class=\"po-reason\" />\n")
                    .Append("                                    <button type=\"submit\" name=\"move\" value=\"ToPosition\" class=\"button button-secondary button-small\">Move</button>\n")
                    .Append("                                    <button type=\"submit\" name=\"move\" value=\"Bottom\" class=\"button button-quiet button-small\" data-shortcut=\"move-bottom\">To bottom</button>\n")
                    .Append("                                </details>\n                            ").Append(tokenInput).Append("</form>\n                        </td>\n");
            }

            html.Append("                </tr>\n");
        }

        html.Append("        </tbody>\n    </table>\n</div>\n");
        if (rows.Count == 0)
        {
            html.Append("    <p class=\"muted\">No backlog items match.</p>\n");
        }

        html.Append("<nav class=\"pager\" aria-label=\"Pages\">\n");
        if (page > 1)
        {
            html.Append("        <a href=\"").Append(pageUrl).Append("?p=").Append(page - 1).Append("\">Previous</a>\n");
        }

        html.Append("    <span>Page ").Append(page).Append(" of ").Append(pageCount).Append(" · ").Append(total).Append(" items</span>\n");
        if (page < pageCount)
        {
            html.Append("        <a href=\"").Append(pageUrl).Append("?p=").Append(page + 1).Append("\">Next</a>\n");
        }

        html.Append("</nav>\n");
        if (canOrder)
        {
            html.Append("    <p class=\"muted small\">Drag a row to a new place, or use the buttons: each move is recorded in the item's history.</p>\n");
        }

        WriteLayoutEnd(html);
        await WriteAsync(http, html);
    }

    /// <summary>The whole backlog as CSV, streamed row by row like the app's export.</summary>
    private async Task Export(HttpContext http, string slug)
    {
        await using var connection = await OpenAsync();
        var caller = await AuthorizeAsync(connection, http, slug);
        if (caller is null || !caller.Access.Can(Permission.ViewBacklog))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{slug}-backlog.csv\"";
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT i."Id", i."Type", i."Title", i."AsA", i."IWant", i."SoThat", i."Status", i."Estimate",
              (SELECT group_concat(t."Name", ' ') FROM "BacklogItemTags" t WHERE t."BacklogItemId" = i."Id"),
              (SELECT r."Title" FROM "RoadmapItems" r WHERE r."Id" = i."RoadmapItemId"), i."ExternalKey"
            FROM "BacklogItems" i WHERE i."ProductId" = $product ORDER BY i."Rank"
            """;
        command.Parameters.AddWithValue("$product", caller.Access.ProductId);
        await using var reader = await command.ExecuteReaderAsync();
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(BacklogCsv.Header);
        var position = 0;
        var line = new StringBuilder(1024);
        while (await reader.ReadAsync())
        {
            line.Clear()
                .Append(++position).Append(',')
                .Append(CsvField(reader.IsDBNull(10) ? slug + "-" + reader.GetInt32(0).ToString(CultureInfo.InvariantCulture) : reader.GetString(10))).Append(',')
                .Append(reader.GetString(1)).Append(',')
                .Append(CsvField(reader.GetString(2))).Append(',').Append(CsvField(reader.IsDBNull(3) ? null : reader.GetString(3))).Append(',')
                .Append(CsvField(reader.IsDBNull(4) ? null : reader.GetString(4))).Append(',').Append(CsvField(reader.IsDBNull(5) ? null : reader.GetString(5))).Append(',')
                .Append(Enum.Parse<BacklogItemStatus>(reader.GetString(6)).Display()).Append(',')
                .Append(reader.IsDBNull(7) ? string.Empty : reader.GetInt64(7).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(CsvField(reader.IsDBNull(8) ? string.Empty : reader.GetString(8))).Append(',')
                .Append(CsvField(reader.IsDBNull(9) ? null : reader.GetString(9)));
            await writer.WriteLineAsync(line);
            if (position % 500 == 0)
            {
                await writer.FlushAsync();
            }
        }
    }

    /// <summary>The same quoting and formula neutralising as the app's CSV, written by hand.</summary>
    private static string CsvField(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
