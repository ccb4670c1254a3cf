using Mediator;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Features.ProductManager.Research;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Api;

/// <summary>
/// Market research over JSON: insights and competitors, listed, read, recorded and edited as on the research pages
/// (the pages delete neither, so neither does the API).
/// </summary>
public static class ResearchApi
{
    /// <summary>An insight: tags comma-separated, as the form takes them, and the day it was observed.</summary>
    public sealed record InsightBody(
        InsightKind Kind, string? Title, string? Summary, string? Source, DateOnly? ObservedOn, string? Tags, bool IsOpportunity, int? Version);

    public sealed record CompetitorBody(string? Name, string? Strengths, string? Weaknesses, string? Positioning, int? Version);

    public static RouteGroupBuilder MapResearchApi(this RouteGroupBuilder api)
    {
        var research = api.MapGroup("").WithTags("Research");

        research.MapGet("/products/{slug}/insights", async (string slug, InsightKind? kind, string? tag, string? text, bool? opportunitiesOnly,
                string? cursor, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var list = await sender.Send(new GetInsights(slug, kind, tag, text, opportunitiesOnly ?? false), ct);
                return http.PagedById(list.Insights, i => i.Id, "insights", cursor);
            })
            .Reads<Paged<InsightView>>("ListInsights", "Market insights",
                "Newest first, filtered as on the research page (kind, tag, text, opportunities only); paged by cursor.");

        research.MapGet("/products/{slug}/insights/{id:int}", async (string slug, int id, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var insight = await sender.Send(new GetInsight(slug, id), ct);
                return http.WithETag(insight, insight.Insight.Version);
            })
            .Reads<InsightDetail>("GetInsight", "A market insight", "The insight and the roadmap items it informs; the ETag is its version.");

        research.MapPost("/products/{slug}/insights", async (string slug, InsightBody body, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(new RecordInsight(slug, body.Kind, body.Title ?? "", body.Summary, body.Source, body.ObservedOn, body.Tags,
                    body.IsOpportunity), ct);
                return TypedResults.Created($"{ApiEndpoints.Version1}/products/{slug}/insights/{id}", new BacklogApi.Created(id));
            })
            .Writes("RecordInsight", "Record a market insight", "A market trend, competitor move, interview, survey or other finding; optionally an opportunity.",
                StatusCodes.Status201Created, typeof(BacklogApi.Created));

        research.MapPut("/products/{slug}/insights/{id:int}", async (string slug, int id, InsightBody body, ISender sender, HttpContext http,
                CancellationToken ct) =>
            {
                await sender.Send(new EditInsight(slug, id, body.Kind, body.Title ?? "", body.Summary, body.Source, body.ObservedOn, body.Tags,
                    body.IsOpportunity, ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("EditInsight", "Edit a market insight", "Replaces the insight's fields. Send the version you read; a stale one answers 409.",
                StatusCodes.Status204NoContent);

        research.MapGet("/products/{slug}/competitors", async (string slug, string? cursor, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var list = await sender.Send(new GetCompetitors(slug), ct);
                return http.PagedById(list.Competitors, c => c.Id, "competitors", cursor);
            })
            .Reads<Paged<CompetitorView>>("ListCompetitors", "Competitors", "Strengths, weaknesses and positioning of each competitor, with its version; paged by cursor.");

        research.MapGet("/products/{slug}/competitors/{id:int}", async (string slug, int id, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                // The competitors page shows them all; one is that list's row.
                var competitor = (await sender.Send(new GetCompetitors(slug), ct)).Competitors.SingleOrDefault(c => c.Id == id) ?? throw new NotFoundException();
                return http.WithETag(competitor, competitor.Version);
            })
            .Reads<CompetitorView>("GetCompetitor", "A competitor", "One competitor; the ETag is its version.");

        research.MapPost("/products/{slug}/competitors", async (string slug, CompetitorBody body, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(new AddCompetitor(slug, body.Name ?? "", body.Strengths, body.Weaknesses, body.Positioning), ct);
                return TypedResults.Created($"{ApiEndpoints.Version1}/products/{slug}/competitors/{id}", new BacklogApi.Created(id));
            })
            .Writes("AddCompetitor", "Add a competitor", "Name, strengths, weaknesses and positioning.", StatusCodes.Status201Created, typeof(BacklogApi.Created));

        research.MapPut("/products/{slug}/competitors/{id:int}", async (string slug, int id, CompetitorBody body, ISender sender, HttpContext http,
                CancellationToken ct) =>
            {
                await sender.Send(new EditCompetitor(slug, id, body.Name ?? "", body.Strengths, body.Weaknesses, body.Positioning,
                    ApiConventions.RequireVersion(http.Request, body.Version)), ct);
                return Results.NoContent();
            })
            .Writes("EditCompetitor", "Edit a competitor", "Replaces the competitor's fields. Send the version you read; a stale one answers 409.",
                StatusCodes.Status204NoContent);

        return api;
    }
}
