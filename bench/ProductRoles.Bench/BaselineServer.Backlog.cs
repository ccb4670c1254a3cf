using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Security;
using ProductRoles.Web.Pages.ProductOwner.Backlog;

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
        var rows = new List<(int Id, string Type, string Title, string Status, long? Estimate, string? Roadmap, string? Tags, long Criteria, long Met, long Feedback, long? RoadmapId, long Version)>(BacklogPageSize);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT i."Id", i."Type", i."Title", i."Status", i."Estimate", (SELECT r."Title" FROM "RoadmapItems" r WHERE r."Id" = i."RoadmapItemId"),
                  (SELECT group_concat(t."Name", ',') FROM "BacklogItemTags" t WHERE t."BacklogItemId" = i."Id"),
                  (SELECT COUNT(*) FROM "AcceptanceCriteria" c WHERE c."BacklogItemId" = i."Id"),
                  (SELECT COUNT(*) FROM "AcceptanceCriteria" c WHERE c."BacklogItemId" = i."Id" AND c."IsMet"),
                  (SELECT COUNT(*) FROM "BacklogItemFeedbackLinks" f WHERE f."BacklogItemId" = i."Id"),
                  i."RoadmapItemId", i."Version"
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
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9),
                    reader.IsDBNull(10) ? null : reader.GetInt64(10), reader.GetInt64(11)));
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

        html.Append("        <a class=\"button button-secondary\" href=\"").Append(Url("/ProductOwner/Backlog/Export", slug)).Append("\">Export CSV</a>\n    </div>\n</div>\n");
        if (canCreate)
        {
            WriteQuickAdd(html, http, slug, pageUrl, tokenInput);
        }

        html.Append("<form method=\"get\" class=\"inline-form panel\" aria-label=\"Filter the backlog\">\n    <div class=\"field\">\n        <label for=\"f-status\">Status</label>\n        <select id=\"f-status\" name=\"Status\">\n            <option value=\"\">Any status</option>\n");
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
        if (canOrder && page > 1)
        {
            html.Append("    <p class=\"po-drop-top\" data-position=\"1\" hidden>Drop a row here to move it to the top of the backlog</p>\n");
        }

        if (rows.Count == 0)
        {
            html.Append("    <section class=\"panel\">\n            <p class=\"empty\">The backlog is empty.</p>\n    </section>\n");
            WriteLayoutEnd(html);
            await WriteAsync(http, html);
            return;
        }

        if (canEdit)
        {
            html.Append("    <form method=\"post\" id=\"bulk-form\" class=\"inline-form po-bulk\" aria-label=\"Change selected items\" data-in-place action=\"").Append(pageUrl).Append("?p=").Append(page).Append("&amp;handler=Bulk\">\n")
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

        // One form for the whole table: each move button names its item and its move ("8:Top").
        html.Append("<form method=\"post\" id=\"backlog-form\" class=\"table-wrap\" data-in-place action=\"").Append(pageUrl).Append("?p=").Append(page).Append("&amp;handler=Move\">\n")
            .Append("    <table class=\"table po-backlog\" data-can-order=\"").Append(canOrder ? "true" : "false").Append("\" data-can-edit=\"").Append(canEdit ? "true" : "false").Append("\">\n        <thead>\n            <tr>\n")
            .Append("                <th scope=\"col\">").Append(canEdit ? "Select, #" : "#").Append("</th>\n                <th scope=\"col\">Item</th>\n")
            .Append("                <th scope=\"col\" data-edit=\"Status\">Status</th>\n                <th scope=\"col\" class=\"num\" data-edit=\"Estimate\">Points</th>\n")
            .Append("                <th scope=\"col\" data-edit=\"Tags\">Tags</th>\n                <th scope=\"col\" data-edit=\"RoadmapItem\">Roadmap item</th>\n                <th scope=\"col\">Criteria</th>\n");
        if (canOrder || canEdit)
        {
            html.Append("                    <th scope=\"col\">").Append(canOrder ? "Order" : string.Empty).Append("<span class=\"visually-hidden\">").Append(canOrder ? " and edit" : "Edit").Append("</span></th>\n");
        }

        html.Append("            </tr>\n        </thead>\n        <tbody data-offset=\"").Append(offset).Append("\">\n");
        var position = offset;
        foreach (var row in rows)
        {
            position++;
            var id = row.Id.ToString(CultureInfo.InvariantCulture);
            var status = Enum.Parse<BacklogItemStatus>(row.Status);
            html.Append("<tr id=\"item-").Append(id).Append("\" data-item-id=\"").Append(id).Append("\" data-version=\"").Append(row.Version).Append("\" data-shortcut-row tabindex=\"-1\">");
            if (canEdit)
            {
                html.Append("<td><input type=\"checkbox\" form=\"bulk-form\" name=\"ids\" value=\"").Append(id).Append("\" aria-label=\"Select #").Append(id).Append("\"> ").Append(position).Append("</td>");
            }
            else
            {
                html.Append("<td>").Append(position).Append("</td>");
            }

            html.Append("<td><span class=\"po-type po-type-").Append(row.Type.ToLowerInvariant()).Append("\">").Append(row.Type).Append("</span> <a href=\"").Append(itemUrlPrefix).Append(id)
                .Append("\" data-shortcut=\"open\">").Append(e.Encode(row.Title)).Append("</a> <small>#").Append(id).Append(row.Feedback > 0 ? e.Encode(" · from feedback") : string.Empty).Append("</small></td>")
                .Append("<td><span class=\"badge ").Append(BacklogBadges.For(status)).Append("\">").Append(e.Encode(status.Display())).Append("</span></td>")
                .Append("<td>").Append(row.Estimate).Append("</td><td>");
            if (row.Tags is not null)
            {
                foreach (var tag in row.Tags.Split(','))
                {
                    html.Append("<span class=\"po-tag\">").Append(e.Encode(tag)).Append("</span>");
                }
            }

            html.Append("</td><td data-value=\"").Append(row.RoadmapId).Append("\">").Append(row.Roadmap is null ? string.Empty : e.Encode(row.Roadmap)).Append("</td>")
                .Append("<td>").Append(row.Criteria == 0 ? string.Empty : $"{row.Met}/{row.Criteria}").Append("</td>");
            if (canOrder || canEdit)
            {
                html.Append("<td>");
                if (canOrder)
                {
                    html.Append("<button name=\"move\" value=\"").Append(id).Append(":Up\" aria-label=\"Move #").Append(id).Append(" up\" data-shortcut=\"move-up\">↑</button>")
                        .Append("<button name=\"move\" value=\"").Append(id).Append(":Down\" aria-label=\"Move #").Append(id).Append(" down\" data-shortcut=\"move-down\">↓</button>")
                        .Append("<button name=\"move\" value=\"").Append(id).Append(":Top\" aria-label=\"Move #").Append(id).Append(" to the top\" data-shortcut=\"move-top\">Top</button>")
                        .Append("<button name=\"move\" value=\"").Append(id).Append(":Bottom\" aria-label=\"Move #").Append(id).Append(" to the bottom\" data-shortcut=\"move-bottom\">Bottom</button>");
                }

                if (canEdit)
                {
                    html.Append("<a href=\"").Append(itemUrlPrefix).Append(id).Append("/edit\" data-shortcut=\"edit\" aria-label=\"Edit #").Append(id).Append("\">Edit</a>");
                }

                html.Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("        </tbody>\n    </table>\n").Append(tokenInput).Append("</form>\n");
        if (canEdit)
        {
            // The inline editors' one form, filled from the row by backlog.js.
            var first = rows[0];
            html.Append("    <form method=\"post\" id=\"inline-form\" hidden action=\"").Append(pageUrl).Append("?p=").Append(page).Append("&amp;handler=Inline\">\n")
                .Append("        <input type=\"hidden\" name=\"itemId\" value=\"").Append(first.Id).Append("\" />\n        <input type=\"hidden\" name=\"version\" value=\"").Append(first.Version).Append("\" />\n")
                .Append("        <label for=\"inline-field\">Field</label>\n        <select id=\"inline-field\" name=\"field\">\n");
            foreach (var field in Enum.GetValues<BacklogInlineField>())
            {
                html.Append("                <option value=\"").Append(field).Append("\">").Append(field).Append("</option>\n");
            }

            html.Append("        </select>\n        <label for=\"inline-value\">Value</label>\n        <input id=\"inline-value\" name=\"value\" type=\"text\" value=\"").Append(first.Status).Append("\" />\n")
                .Append("        <button type=\"submit\">Save</button>\n    ").Append(tokenInput).Append("</form>\n");
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
            html.Append("    <p class=\"muted small\">Drag a row to a new place, or use the buttons (an item's own page moves it to a position, with a reason): each move is recorded in the item's history.")
                .Append(canEdit ? " Click a status, estimate, tags or roadmap item to change it in place." : string.Empty).Append("</p>\n");
        }

        WriteLayoutEnd(html);
        await WriteAsync(http, html);
    }

    /// <summary>The one-line quick add, with the place the user last chose (the app's cookie).</summary>
    private void WriteQuickAdd(StringBuilder html, HttpContext http, string slug, string pageUrl, string tokenInput)
    {
        var remembered = Enum.TryParse<NewItemPlace>(http.Request.Cookies[IndexModel.PlaceCookie], out var place) && Enum.IsDefined(place)
            ? place : NewItemPlace.Bottom;
        string Selected(bool yes) => yes ? " selected=\"selected\"" : string.Empty;
        html.Append("    <form method=\"post\" id=\"quick-add\" class=\"inline-form panel po-quick-add\" aria-label=\"Quick add\" data-in-place data-focus-after=\"quick-title\" action=\"").Append(pageUrl).Append("?handler=QuickAdd\">\n")
            .Append("        <div class=\"field po-quick-title\">\n            <label for=\"quick-title\">New item</label>\n")
            .Append("            <input id=\"quick-title\" name=\"title\" type=\"text\" maxlength=\"200\" placeholder=\"Type a title and press Enter\" autocomplete=\"off\" />\n")
            .Append("            <span class=\"field-error\" id=\"quick-title-error\" data-valmsg-for=\"QuickAdd.Title\"></span>\n        </div>\n")
            .Append("        <div class=\"field\">\n            <label for=\"quick-type\">Type</label>\n            <select id=\"quick-type\" name=\"type\">\n");
        foreach (var type in new[] { BacklogItemType.Chore, BacklogItemType.Bug, BacklogItemType.Story })
        {
            html.Append("                    <option value=\"").Append(type).Append('"').Append(Selected(type == BacklogItemType.Chore)).Append('>').Append(type.Display()).Append("</option>\n");
        }

        html.Append("            </select>\n            <span class=\"field-error\" id=\"quick-type-error\" data-valmsg-for=\"QuickAdd.Type\"></span>\n        </div>\n")
            .Append("        <div class=\"field\">\n            <label for=\"quick-place\">Goes</label>\n            <select id=\"quick-place\" name=\"place\">\n")
            .Append("                <option value=\"Top\"").Append(Selected(remembered == NewItemPlace.Top)).Append(">to the top</option>\n")
            .Append("                <option value=\"Bottom\"").Append(Selected(remembered == NewItemPlace.Bottom)).Append(">to the bottom</option>\n")
            .Append("                <option value=\"After\"").Append(Selected(remembered == NewItemPlace.After)).Append(">after item…</option>\n")
            .Append("            </select>\n            <span class=\"field-error\" id=\"quick-place-error\" data-valmsg-for=\"QuickAdd.Place\"></span>\n        </div>\n")
            .Append("        <div class=\"field po-quick-after\">\n            <label for=\"quick-after\">After item #</label>\n")
            .Append("            <input id=\"quick-after\" name=\"after\" type=\"number\" min=\"1\" inputmode=\"numeric\" />\n        </div>\n")
            .Append("        <button type=\"submit\" class=\"button\">Add</button>\n        <a href=\"").Append(Url("/ProductOwner/Backlog/New", slug)).Append("\">Full form</a>\n    ")
            .Append(tokenInput).Append("</form>\n");
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
