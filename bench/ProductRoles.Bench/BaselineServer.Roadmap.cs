using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Bench;

/// <summary>The roadmap board (Now/Next/Later) by hand: the same cards, counts and move forms as the app's.</summary>
public sealed partial class BaselineServer
{
    private sealed record RoadmapCardRow(
        int Id, string Title, string Outcome, RoadmapHorizon Horizon, string? Quarter, RoadmapItemStatus Status, double Score, int Version,
        string Rank, DateTime UpdatedAt, int OpenFeedback, DeliveryProgress Progress);

    private async Task Roadmap(HttpContext http, string slug)
    {
        await using var connection = await OpenAsync();
        var caller = await AuthorizeAsync(connection, http, slug);
        if (caller is null || !caller.Access.Can(Permission.ViewStrategy))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var productId = caller.Access.ProductId;
        var cards = new List<RoadmapCardRow>(64);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT r."Id", r."Title", r."Outcome", r."Horizon", r."TargetQuarter", r."Status", r."Score", r."Version", r."Rank", r."UpdatedAt",
                  (SELECT COUNT(*) FROM "RoadmapFeedback" f WHERE f."RoadmapItemId" = r."Id" AND f."Status" = 'Open'),
                  d."Stories", d."Done", d."InProgress", d."Remaining", d."Unestimated"
                FROM "RoadmapItems" r
                LEFT JOIN (
                  SELECT b."RoadmapItemId", COUNT(*) AS "Stories",
                    SUM(CASE WHEN b."Status" = 'Done' THEN COALESCE(b."Estimate", 0) ELSE 0 END) AS "Done",
                    SUM(CASE WHEN b."Status" IN ('Planned', 'InProgress') THEN COALESCE(b."Estimate", 0) ELSE 0 END) AS "InProgress",
                    SUM(CASE WHEN b."Status" IN ('New', 'Ready') THEN COALESCE(b."Estimate", 0) ELSE 0 END) AS "Remaining",
                    SUM(CASE WHEN b."Estimate" IS NULL THEN 1 ELSE 0 END) AS "Unestimated"
                  FROM "BacklogItems" b
                  WHERE b."ProductId" = $product AND b."RoadmapItemId" IS NOT NULL AND b."Status" <> 'Removed'
                  GROUP BY b."RoadmapItemId") d ON d."RoadmapItemId" = r."Id"
                WHERE r."ProductId" = $product
                """;
            command.Parameters.AddWithValue("$product", productId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                cards.Add(new RoadmapCardRow(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), Enum.Parse<RoadmapHorizon>(reader.GetString(3)),
                    reader.IsDBNull(4) ? null : reader.GetString(4), Enum.Parse<RoadmapItemStatus>(reader.GetString(5)), reader.GetDouble(6),
                    reader.GetInt32(7), reader.GetString(8), reader.GetDateTime(9), reader.GetInt32(10),
                    reader.IsDBNull(11) ? DeliveryProgress.None
                        : new DeliveryProgress(reader.GetInt32(11), reader.GetInt32(12), reader.GetInt32(13), reader.GetInt32(14), reader.GetInt32(15))));
            }
        }

        DateTime? publishedAt = null;
        string? publishedBy = null;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT "PublishedAt", "PublishedBy" FROM "PublishedRoadmaps" WHERE "ProductId" = $product
                ORDER BY "PublishedAt" DESC, "Id" DESC LIMIT 1
                """;
            command.Parameters.AddWithValue("$product", productId);
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                (publishedAt, publishedBy) = (reader.GetDateTime(0), reader.GetString(1));
            }
        }

        var byScore = string.Equals(http.Request.Query["sort"], "Score", StringComparison.OrdinalIgnoreCase);
        var canEdit = caller.Access.Can(Permission.EditStrategy);
        var movable = canEdit && !byScore;
        var lastEdit = cards.Count == 0 ? (DateTime?)null : cards.Max(c => c.UpdatedAt);
        var draft = publishedAt is null ? cards.Count > 0 : lastEdit > publishedAt;
        var e = HtmlEncoder.Default;
        var tokenInput = TokenInput(http);
        var pageUrl = Url("/ProductManager/Roadmap/Index", slug);
        var itemUrl = Url("/ProductManager/Roadmap/Item", slug, 0);
        var itemUrlPrefix = itemUrl[..itemUrl.LastIndexOf('0')];
        var moveAction = pageUrl + "?handler=Move";

        var html = new StringBuilder(128 * 1024);
        WriteLayoutStart(html, http, "Roadmap", caller, "/ProductManager/Roadmap/Index", "/css/product-manager.css", "/js/roadmap.js");
        WriteLiveBar(html, http, slug, "roadmap", "roadmap roadmap-feedback");
        html.Append("<div class=\"page-head\">\n    <div>\n        <h1>Roadmap</h1>\n        <p>Themes and initiatives by horizon: what we work on now, next and later, and the outcomes they should bring.</p>\n    </div>\n    <div class=\"actions\">\n")
            .Append("        <a class=\"button button-secondary\" href=\"").Append(Url("/ProductManager/Roadmap/Timeline", slug)).Append("\">Timeline</a>\n")
            .Append("        <a class=\"button button-secondary\" href=\"").Append(Url("/ProductManager/Roadmap/Published", slug)).Append("\">Published roadmap</a>\n");
        if (canEdit)
        {
            html.Append("            <a class=\"button\" data-shortcut=\"create\" href=\"").Append(Url("/ProductManager/Roadmap/New", slug)).Append("\">New roadmap item</a>\n");
        }

        html.Append("    </div>\n</div>\n<div class=\"roadmap-status panel\">\n    <p>\n        <a href=\"").Append(Url("/ProductManager/Roadmap/Feedback", slug))
            .Append("\"><strong class=\"open-feedback-total\">").Append(cards.Sum(c => c.OpenFeedback)).Append("</strong> open feedback</a>\n        ·\n");
        if (publishedAt is { } at)
        {
            html.Append("            <span>Published <time datetime=\"").Append(DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("O", CultureInfo.CurrentCulture)).Append("\">")
                .Append(e.Encode(at.ToString("yyyy-MM-dd HH:mm", CultureInfo.CurrentCulture))).Append(" UTC</time> by ").Append(e.Encode(publishedBy!)).Append("</span>\n");
        }
        else
        {
            html.Append("            <span>Not published yet</span>\n");
        }

        if (draft)
        {
            html.Append("            <span class=\"badge badge-warn\">Draft changes not yet published</span>\n");
        }

        html.Append("    </p>\n");
        if (canEdit)
        {
            html.Append("        <form method=\"post\" class=\"inline-form\" action=\"").Append(pageUrl).Append("?handler=Publish\">\n")
                .Append("            <div class=\"field\">\n                <label for=\"publish-note\">Note for stakeholders (optional)</label>\n                <input id=\"publish-note\" name=\"note\" type=\"text\" maxlength=\"1000\" />\n            </div>\n")
                .Append("            <button type=\"submit\" class=\"button\">Publish roadmap</button>\n        ").Append(tokenInput).Append("</form>\n");
        }

        html.Append("    <p class=\"small\">Order:\n");
        html.Append(byScore
            ? "            <a href=\"" + pageUrl + "\">by rank</a> · <strong>by RICE score</strong>\n"
            : "            <strong>by rank</strong> · <a href=\"" + pageUrl + "?sort=Score\">by RICE score</a>\n");
        html.Append("    </p>\n");
        if (movable)
        {
            html.Append("        <p class=\"small muted\" id=\"board-help\">Drag cards to reorder them or move them to another horizon, or use each card's move buttons.</p>\n");
        }

        html.Append("</div>\n<div class=\"roadmap-board\" id=\"roadmap-board\" data-movable=\"").Append(movable ? "true" : "false").Append("\" data-in-place>\n");
        if (movable)
        {
            html.Append("        <form method=\"post\" class=\"move-template\" hidden action=\"").Append(moveAction).Append("\">").Append(tokenInput).Append("</form>\n");
        }

        foreach (var horizon in Enum.GetValues<RoadmapHorizon>())
        {
            var inHorizon = cards.Where(c => c.Horizon == horizon);
            var column = (byScore
                ? inHorizon.OrderByDescending(c => c.Score).ThenBy(c => c.Rank, StringComparer.Ordinal)
                : inHorizon.OrderBy(c => c.Rank, StringComparer.Ordinal)).ToList();
            html.Append("        <section class=\"roadmap-column\" aria-labelledby=\"col-").Append(horizon).Append("\" data-horizon=\"").Append(horizon).Append("\">\n")
                .Append("            <h2 id=\"col-").Append(horizon).Append("\">").Append(horizon).Append(" <span class=\"badge\">").Append(column.Count).Append("</span></h2>\n")
                .Append("            <ol class=\"roadmap-cards\">\n");
            for (var i = 0; i < column.Count; i++)
            {
                var card = column[i];
                var id = card.Id.ToString(CultureInfo.InvariantCulture);
                var title = e.Encode(card.Title);
                html.Append("                    <li class=\"card roadmap-card status-").Append(card.Status.ToString().ToLowerInvariant()).Append("\" id=\"roadmap-").Append(id).Append("\" data-shortcut-row data-id=\"").Append(id)
                    .Append("\" data-version=\"").Append(card.Version).Append("\" draggable=\"").Append(movable ? "true" : "false").Append("\" tabindex=\"-1\">\n")
                    .Append("                        <h3><a class=\"card-title\" data-shortcut=\"open\" href=\"").Append(itemUrlPrefix).Append(id).Append("\">").Append(title).Append("</a></h3>\n")
                    .Append("                        <p class=\"small\">").Append(e.Encode(card.Outcome)).Append("</p>\n")
                    .Append("                        <div class=\"card-meta\">\n                            <span class=\"badge ").Append(RoadmapBadge(card.Status)).Append("\">")
                    .Append(card.Status == RoadmapItemStatus.InProgress ? "In progress" : card.Status.ToString()).Append("</span>\n");
                if (card.Quarter is not null)
                {
                    html.Append("                                <span class=\"badge\">").Append(e.Encode(card.Quarter)).Append("</span>\n");
                }

                html.Append("                            <span class=\"badge\" title=\"RICE score\">RICE ").Append(e.Encode(card.Score.ToString("0.#", CultureInfo.CurrentCulture))).Append("</span>\n");
                if (card.OpenFeedback > 0)
                {
                    html.Append("                                <a class=\"badge badge-warn\" href=\"").Append(itemUrlPrefix).Append(id).Append("#feedback\">")
                        .Append(card.OpenFeedback).Append(" open feedback</a>\n");
                }

                html.Append("                        </div>\n");
                if (card.Progress.HasStories)
                {
                    DeliveryBar(html, card.Progress);
                }

                if (movable)
                {
                    html.Append("                            <div class=\"move-controls\" aria-label=\"Move ").Append(title).Append("\">\n");
                    if (i > 0)
                    {
                        MoveButton(html, moveAction, tokenInput, card, title, horizon, column[0].Id, "To top", "move-top");
                        MoveButton(html, moveAction, tokenInput, card, title, horizon, column[i - 1].Id, "Up", "move-up");
                    }

                    if (i < column.Count - 1)
                    {
                        MoveButton(html, moveAction, tokenInput, card, title, horizon, i + 2 < column.Count ? column[i + 2].Id : null, "Down", "move-down");
                    }

                    foreach (var other in Enum.GetValues<RoadmapHorizon>())
                    {
                        if (other != horizon)
                        {
                            MoveButton(html, moveAction, tokenInput, card, title, other, null, other.ToString(), other == horizon - 1 ? "move-left" : other == horizon + 1 ? "move-right" : null);
                        }
                    }

                    html.Append("                            </div>\n");
                }

                html.Append("                    </li>\n");
            }

            html.Append("            </ol>\n");
            if (column.Count == 0)
            {
                html.Append("                <p class=\"muted small empty-column\">Nothing here yet.</p>\n");
            }

            html.Append("        </section>\n");
        }

        html.Append("</div>\n");
        WriteLayoutEnd(html);
        await WriteAsync(http, html);
    }

    private static void MoveButton(
        StringBuilder html, string action, string tokenInput, RoadmapCardRow card, string encodedTitle, RoadmapHorizon horizon, int? beforeId, string label, string? shortcut) =>
        html.Append("<form method=\"post\" action=\"").Append(action).Append("\" class=\"move-form\">\n")
            .Append("    <input type=\"hidden\" name=\"itemId\" value=\"").Append(card.Id).Append("\" />\n")
            .Append("    <input type=\"hidden\" name=\"horizon\" value=\"").Append(horizon).Append("\" />\n")
            .Append(beforeId is null ? "    <input type=\"hidden\" name=\"beforeItemId\" />\n" : "    <input type=\"hidden\" name=\"beforeItemId\" value=\"" + beforeId.Value.ToString(CultureInfo.InvariantCulture) + "\" />\n")
            .Append("    <input type=\"hidden\" name=\"version\" value=\"").Append(card.Version).Append("\" />\n")
            .Append("    <button type=\"submit\" class=\"button button-quiet button-small\"").Append(" data-shortcut=\"").Append(shortcut).Append("\">").Append(label).Append("<span class=\"visually-hidden\">: ").Append(encodedTitle)
            .Append(label is "Now" or "Next" or "Later" ? " to " + label : string.Empty).Append("</span></button>\n")
            .Append(tokenInput).Append("</form>\n");

    private static void DeliveryBar(StringBuilder html, DeliveryProgress p) =>
        html.Append("<div class=\"delivery-progress\"><svg class=\"delivery-bar\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"")
            .Append(p.DonePoints).Append(" of ").Append(p.TotalPoints).Append(" points done, ").Append(p.InProgressPoints)
            .Append(" in progress\"><rect class=\"bar-track\" width=\"100\" height=\"6\" /><rect class=\"bar-done\" width=\"").Append(p.DonePercent)
            .Append("\" height=\"6\" /><rect class=\"bar-doing\" x=\"").Append(p.DonePercent).Append("\" width=\"").Append(p.InProgressPercent)
            .Append("\" height=\"6\" /></svg><span class=\"small\">").Append(p.DonePoints).Append(" / ").Append(p.TotalPoints)
            .Append(" points done</span></div>\n");

    private static string RoadmapBadge(RoadmapItemStatus status) => status switch
    {
        RoadmapItemStatus.Done => "badge-ok",
        RoadmapItemStatus.InProgress => "badge-stage",
        RoadmapItemStatus.Dropped => "badge-bad",
        _ => "",
    };
}
