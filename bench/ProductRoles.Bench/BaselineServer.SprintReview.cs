using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Bench;

/// <summary>
/// The review of a closed sprint by hand: the increment with each item's Definition of Done record,
/// the roadmap items it advanced with their goals and insights, what was not done, the notes and the
/// stakeholder feedback. The notes go through the app's own Markdown renderer and sanitizer: writing
/// a Markdown parser by hand is not what a baseline is for, and both sides pay the same for it.
/// </summary>
public sealed partial class BaselineServer
{
    private sealed record IncrementRow(int Id, string Title, string Type, long Points, long? RoadmapItemId, long? DefinitionOfDone, long? CheckId);

    private sealed record ChainRow(int Id, string Title, List<(long Id, string Title)> Goals, List<(long Id, string Title)> Insights);

    private async Task SprintReview(HttpContext http, string slug, int id)
    {
        await using var connection = await OpenAsync();
        var caller = await AuthorizeAsync(connection, http, slug);
        if (caller is null || !caller.Access.Can(Permission.ViewSprintReview))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var access = caller.Access;
        string name, goal;
        DateOnly start, end;
        long committed, done, returned;
        DateTime closedAt;
        await using (var command = Command(connection, """
            SELECT "Name", "Goal", "StartDate", "EndDate", "CommittedPoints", "DonePoints", "ReturnedPoints", "ClosedAt"
            FROM "Sprints" WHERE "Id" = $id AND "ProductId" = $product AND "State" = 'Closed'
            """, ("$id", id), ("$product", access.ProductId)))
        {
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            (name, goal) = (reader.GetString(0), reader.GetString(1));
            (start, end) = (DateOnly.Parse(reader.GetString(2), CultureInfo.InvariantCulture), DateOnly.Parse(reader.GetString(3), CultureInfo.InvariantCulture));
            (committed, done, returned) = (reader.IsDBNull(4) ? 0 : reader.GetInt64(4), reader.IsDBNull(5) ? 0 : reader.GetInt64(5), reader.IsDBNull(6) ? 0 : reader.GetInt64(6));
            closedAt = reader.IsDBNull(7) ? DateTime.MaxValue : reader.GetDateTime(7);
        }

        long? reviewId = null;
        bool? goalMet = null;
        string? notes = null;
        long version = 0;
        await using (var command = Command(connection, "SELECT \"Id\", \"GoalMet\", \"Notes\", \"Version\" FROM \"SprintReviews\" WHERE \"SprintId\" = $id", ("$id", id)))
        {
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                reviewId = reader.GetInt64(0);
                goalMet = reader.IsDBNull(1) ? null : reader.GetBoolean(1);
                notes = reader.IsDBNull(2) ? null : reader.GetString(2);
                version = reader.GetInt64(3);
            }
        }

        // The increment with each item's latest Done record by the sprint's close, then the waived criteria of those records.
        var increment = new List<IncrementRow>();
        await using (var command = Command(connection, """
            SELECT b."Id", b."Title", b."Type", s."Points", b."RoadmapItemId", c."DefinitionOfDoneNumber", c."Id"
            FROM "SprintItems" s JOIN "BacklogItems" b ON b."Id" = s."BacklogItemId"
            LEFT JOIN "BacklogItemDoneChecks" c ON c."Id" = (
              SELECT l."Id" FROM "BacklogItemDoneChecks" l WHERE l."BacklogItemId" = b."Id" AND l."CheckedAt" <= $closed ORDER BY l."CheckedAt" DESC LIMIT 1)
            WHERE s."SprintId" = $id AND s."Outcome" = 'Done' ORDER BY s."PlannedAt", s."Id"
            """, ("$id", id), ("$closed", closedAt)))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                increment.Add(new IncrementRow(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetInt64(6)));
            }
        }

        var waived = new Dictionary<long, List<string>>();
        await using (var command = Command(connection, """
            SELECT w."BacklogItemDoneCheckId", w."Text", w."WaiverReason" FROM "DoneCriterionCheck" w
            WHERE w."Waived" AND w."BacklogItemDoneCheckId" IN (SELECT value FROM json_each($checks)) ORDER BY w."Position"
            """, ("$checks", "[" + string.Join(',', increment.Where(i => i.CheckId is not null).Select(i => i.CheckId)) + "]")))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var check = reader.GetInt64(0);
                if (!waived.TryGetValue(check, out var list))
                {
                    waived[check] = list = [];
                }

                list.Add(reader.GetString(1) + (reader.IsDBNull(2) ? string.Empty : ": " + reader.GetString(2)));
            }
        }

        var notDone = new List<(int Id, string Title, long Points, string Outcome)>();
        await using (var command = Command(connection, """
            SELECT b."Id", b."Title", s."Points", s."Outcome" FROM "SprintItems" s JOIN "BacklogItems" b ON b."Id" = s."BacklogItemId"
            WHERE s."SprintId" = $id AND s."Outcome" IN ('ReturnedToBacklog', 'MovedToNextSprint') ORDER BY s."PlannedAt", s."Id"
            """, ("$id", id)))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                notDone.Add((reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
            }
        }

        var feedback = new List<(long Id, string From, string Text, DateOnly On)>();
        if (reviewId is not null)
        {
            await using var command = Command(connection, """
                SELECT f."Id", f."SourceName", f."Text", f."ReceivedOn" FROM "SprintReviewFeedback" r JOIN "FeedbackItems" f ON f."Id" = r."FeedbackItemId"
                WHERE r."SprintReviewId" = $review ORDER BY f."CreatedAt"
                """, ("$review", reviewId.Value));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                feedback.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), DateOnly.Parse(reader.GetString(3), CultureInfo.InvariantCulture)));
            }
        }

        // The Watch / Unwatch button, as the app asks: does the caller watch this review?
        bool watching;
        await using (var command = Command(connection, """
            SELECT EXISTS (SELECT 1 FROM "NotificationWatches" WHERE "Subject" = 2 AND "SubjectId" = $id AND "UserId" = $user)
            """, ("$id", id), ("$user", caller.UserId)))
        {
            watching = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 1;
        }

        var roadmap = await ChainAsync(connection, access.ProductId, increment);
        await WriteSprintReviewAsync(http, slug, id, caller, (name, goal, start, end, committed, done, returned, goalMet, notes, version),
            increment, waived, roadmap, notDone, feedback, watching);
    }

    /// <summary>The roadmap items the increment advanced, in rank order, with their goals and insights (one query for both).</summary>
    private static async Task<List<ChainRow>> ChainAsync(SqliteConnection connection, int productId, List<IncrementRow> increment)
    {
        var ids = "[" + string.Join(',', increment.Where(i => i.RoadmapItemId is not null).Select(i => i.RoadmapItemId).Distinct()) + "]";
        var roadmap = new List<ChainRow>();
        await using (var command = Command(connection, """
            SELECT "Id", "Title" FROM "RoadmapItems" WHERE "ProductId" = $product AND "Id" IN (SELECT value FROM json_each($ids)) ORDER BY "Rank"
            """, ("$product", productId), ("$ids", ids)))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                roadmap.Add(new ChainRow(reader.GetInt32(0), reader.GetString(1), [], []));
            }
        }

        var byId = roadmap.ToDictionary(r => r.Id);
        await using (var command = Command(connection, """
            SELECT 0, l."RoadmapItemId", g."Id", g."Title" FROM "RoadmapItemGoals" l JOIN "Goals" g ON g."Id" = l."GoalId"
            WHERE l."RoadmapItemId" IN (SELECT value FROM json_each($ids))
            UNION ALL
            SELECT 1, l."RoadmapItemId", i."Id", i."Title" FROM "RoadmapItemInsights" l JOIN "Insights" i ON i."Id" = l."InsightId"
            WHERE l."RoadmapItemId" IN (SELECT value FROM json_each($ids))
            ORDER BY 1, 2, 3
            """, ("$ids", ids)))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (byId.TryGetValue(reader.GetInt32(1), out var item))
                {
                    (reader.GetInt32(0) == 0 ? item.Goals : item.Insights).Add((reader.GetInt64(2), reader.GetString(3)));
                }
            }
        }

        return roadmap;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (parameter, value) in parameters)
        {
            command.Parameters.AddWithValue(parameter, value);
        }

        return command;
    }

    private async Task WriteSprintReviewAsync(
        HttpContext http, string slug, int id, Caller caller,
        (string Name, string Goal, DateOnly Start, DateOnly End, long Committed, long Done, long Returned, bool? GoalMet, string? Notes, long Version) sprint,
        List<IncrementRow> increment, Dictionary<long, List<string>> waived, List<ChainRow> roadmap,
        List<(int Id, string Title, long Points, string Outcome)> notDone, List<(long Id, string From, string Text, DateOnly On)> feedback, bool watching)
    {
        var e = HtmlEncoder.Default;
        var access = caller.Access;
        var canSeeBacklog = access.Can(Permission.ViewBacklog);
        var canSeeStrategy = access.Can(Permission.ViewStrategy);
        var product = "/p/" + e.Encode(slug);
        var html = new StringBuilder(64 * 1024);
        // The review page itself is not in the sidebar, so no entry is marked current.
        WriteLayoutStart(html, http, "Sprint review · " + sprint.Name, caller, "/Scrum/SprintReview/Index", "/css/scrum.css");
        var view = "sprint-review:" + id.ToString(CultureInfo.InvariantCulture);
        WriteLiveBar(html, http, slug, view, view);
        html.Append("<div class=\"page-head\">\n    <div>\n        <p class=\"muted small\"><a href=\"").Append(Url("/Scrum/SprintReview/List", slug)).Append("\">Sprint reviews</a></p>\n")
            .Append("        <h1>Sprint review</h1>\n        <p class=\"muted\">").Append(e.Encode(sprint.Name)).Append(" · ")
            .Append(e.Encode(sprint.Start.ToString("d MMM", CultureInfo.CurrentCulture))).Append(" – ").Append(e.Encode(sprint.End.ToString("d MMM yyyy", CultureInfo.CurrentCulture))).Append("</p>\n")
            .Append("        <p class=\"sprint-goal\"><strong>Sprint goal:</strong> ").Append(e.Encode(sprint.Goal)).Append("</p>\n        <p>\n")
            .Append(sprint.GoalMet switch
            {
                true => "                    <span class=\"badge badge-ok\">Goal met</span>\n",
                false => "                    <span class=\"badge badge-bad\">Goal not met</span>\n",
                _ => "                    <span class=\"badge\">The product owner hasn't recorded yet whether the goal was met</span>\n",
            })
            .Append("            <span class=\"muted small\">").Append(sprint.Done).Append(" of ").Append(sprint.Committed).Append(" points done · ").Append(sprint.Returned).Append(" returned</span>\n")
            .Append("        </p>\n    </div>\n")
            .Append("    <div class=\"actions\">\n        <form method=\"post\" class=\"watch-form\" action=\"").Append("/p/").Append(Uri.EscapeDataString(slug)).Append("/sprints/").Append(id).Append("/review?handler=Watch\">\n")
            .Append("    <input type=\"hidden\" name=\"watch\" value=\"").Append(watching ? "false" : "true").Append("\" />\n")
            .Append("    <button type=\"submit\" class=\"button button-quiet\" aria-pressed=\"").Append(watching ? "true" : "false").Append("\" title=\"")
            .Append(watching ? "You are told when this sprint review changes" : "Be told when this sprint review changes").Append("\">")
            .Append(watching ? "Unwatch" : "Watch").Append("</button>\n").Append(TokenInput(http)).Append("</form>\n");
        if (access.Can(Permission.ShareSprintReview))
        {
            html.Append("        <a class=\"button button-secondary\" href=\"").Append(product).Append("/share-links?share=")
                .Append(id.ToString(CultureInfo.InvariantCulture)).Append("\">Share with a link</a>\n");
        }

        html.Append("    </div>\n</div>\n");

        html.Append("<section class=\"panel\" aria-labelledby=\"increment-heading\">\n    <h2 id=\"increment-heading\">Increment</h2>\n")
            .Append("    <p class=\"muted small\">What the sprint finished: each item met the Definition of Done. The chain runs market insight → roadmap item → story → sprint → increment.</p>\n");
        if (increment.Count == 0)
        {
            html.Append("        <p class=\"muted\">No item met the Definition of Done in this sprint.</p>\n");
        }
        else
        {
            html.Append("        <ul class=\"increment-list\">\n");
            foreach (var item in increment)
            {
                var label = "#" + item.Id.ToString(CultureInfo.InvariantCulture) + " " + e.Encode(item.Title);
                html.Append("                <li class=\"increment-item\">\n                    <div>\n");
                html.Append(canSeeBacklog
                    ? "                            <a href=\"" + product + "/backlog/" + item.Id.ToString(CultureInfo.InvariantCulture) + "\" class=\"increment-title\">" + label + "</a>\n"
                    : "                            <span class=\"increment-title\">" + label + "</span>\n");
                html.Append("                        <span class=\"badge\">").Append(item.Type).Append("</span> <span class=\"badge\">").Append(Points(item.Points)).Append("</span>\n")
                    .Append("                    </div>\n                    <div class=\"small\">\n");
                if (item.DefinitionOfDone is { } dod)
                {
                    html.Append("                            <span class=\"badge badge-ok\">Definition of Done v").Append(dod).Append(" met</span>\n");
                    if (item.CheckId is { } check && waived.TryGetValue(check, out var reasons))
                    {
                        html.Append("                                <span class=\"badge badge-warn\">").Append(reasons.Count).Append(" waived</span>\n")
                            .Append("                                <span class=\"muted\">").Append(e.Encode(string.Join("; ", reasons))).Append("</span>\n");
                    }
                }
                else
                {
                    html.Append("                            <span class=\"badge badge-warn\">No Definition of Done record</span>\n");
                }

                if (item.RoadmapItemId is { } roadmapId && roadmap.Find(r => r.Id == roadmapId) is { } advanced)
                {
                    html.Append("                            <span class=\"muted\">· advances <a href=\"#roadmap-heading\">").Append(e.Encode(advanced.Title)).Append("</a></span>\n");
                }

                html.Append("                    </div>\n                </li>\n");
            }

            html.Append("        </ul>\n");
        }

        html.Append("</section>\n<section class=\"panel\" aria-labelledby=\"roadmap-heading\">\n    <h2 id=\"roadmap-heading\">Roadmap items advanced</h2>\n");
        if (roadmap.Count == 0)
        {
            html.Append("        <p class=\"muted\">No item of the increment is linked to a roadmap item.</p>\n");
        }
        else
        {
            html.Append("        <ul class=\"chain-list\">\n");
            foreach (var item in roadmap)
            {
                var title = e.Encode(item.Title);
                html.Append("                <li class=\"increment-item chain\">\n                    <div>\n                        ")
                    .Append(canSeeStrategy ? "<a href=\"" + product + "/roadmap/" + item.Id.ToString(CultureInfo.InvariantCulture) + "\" class=\"increment-title\">" + title + "</a>" : "<span class=\"increment-title\">" + title + "</span>")
                    .Append("\n                        <span class=\"muted small\">advanced by ")
                    .Append(string.Join(", ", increment.Where(i => i.RoadmapItemId == item.Id).Select(i => "#" + i.Id.ToString(CultureInfo.InvariantCulture)))).Append("</span>\n")
                    .Append("                    </div>\n");
                ChainLinks(html, "Goals", item.Goals, product + "/goals/", canSeeStrategy);
                ChainLinks(html, "Market insights", item.Insights, product + "/research/", canSeeStrategy);
                html.Append("                </li>\n");
            }

            html.Append("        </ul>\n");
        }

        html.Append("</section>\n<section class=\"panel\" aria-labelledby=\"not-done-heading\">\n    <h2 id=\"not-done-heading\">Not done</h2>\n");
        if (notDone.Count == 0)
        {
            html.Append("        <p class=\"muted\">Everything planned was done.</p>\n");
        }
        else
        {
            html.Append("        <ul class=\"action-list\">\n");
            foreach (var item in notDone)
            {
                var label = "#" + item.Id.ToString(CultureInfo.InvariantCulture) + " " + e.Encode(item.Title);
                html.Append("                <li>\n                    ")
                    .Append(canSeeBacklog ? "<a href=\"" + product + "/backlog/" + item.Id.ToString(CultureInfo.InvariantCulture) + "\">" + label + "</a>" : "<span>" + label + "</span>")
                    .Append("\n                    <span class=\"muted small\">").Append(Points(item.Points)).Append("</span>\n                    <span class=\"badge badge-warn\">")
                    .Append(e.Encode(EnumText.Of(Enum.Parse<SprintItemOutcome>(item.Outcome)))).Append("</span>\n                </li>\n");
            }

            html.Append("        </ul>\n");
        }

        html.Append("</section>\n<section class=\"panel\" aria-labelledby=\"notes-heading\">\n    <h2 id=\"notes-heading\">Review notes</h2>\n");
        html.Append(sprint.Notes is null
            ? "        <p class=\"muted\">No notes yet.</p>\n"
            : "        <div class=\"prose\">" + _markdown.Render(sprint.Notes).Value + "</div>\n");
        var tokenInput = TokenInput(http);
        var pageUrl = product + "/sprints/" + id.ToString(CultureInfo.InvariantCulture) + "/review";
        if (access.Can(Permission.EditSprintReview))
        {
            html.Append("        <details class=\"review-edit\"").Append(sprint.GoalMet is null ? " open=\"open\"" : string.Empty).Append(">\n            <summary>Record the outcome</summary>\n")
                .Append("            <form method=\"post\" class=\"form\" novalidate action=\"").Append(pageUrl).Append("?handler=Record\">\n")
                .Append("                <input type=\"hidden\" data-val=\"true\" data-val-required=\"The Version field is required.\" id=\"Input_Version\" name=\"Input.Version\" value=\"").Append(sprint.Version).Append("\" />\n")
                .Append("                <fieldset>\n                    <legend>Was the sprint goal met?</legend>\n                    <div class=\"field field-check\">\n")
                .Append("                        <input type=\"radio\" id=\"goal-met\" name=\"Input.GoalMet\" value=\"true\"").Append(sprint.GoalMet == true ? " checked=\"checked\"" : string.Empty).Append(" />\n")
                .Append("                        <label for=\"goal-met\">Yes, the goal was met</label>\n                    </div>\n                    <div class=\"field field-check\">\n")
                .Append("                        <input type=\"radio\" id=\"goal-not-met\" name=\"Input.GoalMet\" value=\"false\"").Append(sprint.GoalMet == false ? " checked=\"checked\"" : string.Empty).Append(" />\n")
                .Append("                        <label for=\"goal-not-met\">No, the goal was not met</label>\n                    </div>\n")
                .Append("                    <span class=\"field-error field-validation-valid\" data-valmsg-for=\"Input.GoalMet\" data-valmsg-replace=\"true\"></span>\n                </fieldset>\n")
                .Append("                <div class=\"field\">\n                    <label for=\"Input_Notes\">Review notes</label>\n                    <textarea rows=\"6\" maxlength=\"8000\" id=\"Input_Notes\" name=\"Input.Notes\">\n")
                .Append(e.Encode(sprint.Notes ?? string.Empty)).Append("</textarea>\n")
                .Append("                    <span class=\"hint\">Markdown. What was shown, what stakeholders said, what changes in the product backlog.</span>\n")
                .Append("                    <span class=\"field-error field-validation-valid\" data-valmsg-for=\"Input.Notes\" data-valmsg-replace=\"true\"></span>\n                </div>\n")
                .Append("                <div><button type=\"submit\" class=\"button\">Save review</button></div>\n            ").Append(tokenInput).Append("</form>\n        </details>\n");
        }

        html.Append("</section>\n<section class=\"panel\" aria-labelledby=\"feedback-heading\">\n    <h2 id=\"feedback-heading\">Stakeholder feedback</h2>\n");
        if (feedback.Count == 0)
        {
            html.Append("        <p class=\"muted\">No feedback on this review yet.</p>\n");
        }
        else
        {
            html.Append("        <ul class=\"feedback-list\">\n");
            foreach (var f in feedback)
            {
                html.Append("                <li id=\"review-feedback-").Append(f.Id).Append("\">\n                    <p>").Append(e.Encode(f.Text)).Append("</p>\n                    <p class=\"muted small\">").Append(e.Encode(f.From)).Append(" · ")
                    .Append(e.Encode(f.On.ToString("d MMM yyyy", CultureInfo.CurrentCulture))).Append('\n');
                if (access.Can(Permission.ViewCustomerFeedback))
                {
                    html.Append("                            <span>· <a href=\"").Append(product).Append("/feedback/").Append(f.Id).Append("\">in the feedback inbox</a></span>\n");
                }

                html.Append("                    </p>\n                </li>\n");
            }

            html.Append("        </ul>\n");
        }

        if (access.Can(Permission.GiveSprintReviewFeedback))
        {
            html.Append("        <form method=\"post\" class=\"form\" novalidate action=\"").Append(pageUrl).Append("?handler=Feedback\">\n")
                .Append("            <div class=\"field\">\n                <label for=\"FeedbackText\">Your feedback on this increment</label>\n")
                .Append("                <textarea rows=\"3\" maxlength=\"4000\" id=\"FeedbackText\" name=\"FeedbackText\">\n</textarea>\n")
                .Append("                <span class=\"hint\">It goes to the product owner's customer feedback inbox, linked to this review.</span>\n")
                .Append("                <span class=\"field-error field-validation-valid\" data-valmsg-for=\"FeedbackText\" data-valmsg-replace=\"true\"></span>\n            </div>\n")
                .Append("            <div><button type=\"submit\" class=\"button\">Send feedback</button></div>\n        ").Append(tokenInput).Append("</form>\n");
        }

        html.Append("</section>\n");
        WriteLayoutEnd(html);
        await WriteAsync(http, html);
    }

    private static string Points(long points) => points == 1 ? "1 pt" : points.ToString(CultureInfo.InvariantCulture) + " pts";

    private static void ChainLinks(StringBuilder html, string label, List<(long Id, string Title)> links, string urlPrefix, bool canSeeStrategy)
    {
        if (links.Count == 0)
        {
            return;
        }

        var e = HtmlEncoder.Default;
        html.Append("                        <div class=\"small\">").Append(label).Append(":\n");
        foreach (var (linkId, title) in links)
        {
            html.Append("                                ")
                .Append(canSeeStrategy
                    ? "<a href=\"" + urlPrefix + linkId.ToString(CultureInfo.InvariantCulture) + "\" class=\"chain-link\">" + e.Encode(title) + "</a>"
                    : "<span class=\"chain-link\">" + e.Encode(title) + "</span>")
                .Append('\n');
        }

        html.Append("                        </div>\n");
    }
}
