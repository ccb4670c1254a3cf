using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.Stakeholders;

namespace ProductRoles.Web.Pages.Sharing;

/// <summary>What a publish changed, with its note; <see cref="PreviousPublishedAt"/> is null for the first publish.</summary>
public sealed record RoadmapChangesPanel(IReadOnlyList<RoadmapChange> Changes, DateTime? PreviousPublishedAt, string? Note);

/// <summary>
/// The published roadmap's three columns. On the members' page a stakeholder may ask about each item
/// (<see cref="Slug"/> set); on a share link it is read only, with no link or form at all.
/// </summary>
public sealed record PublishedBoard(PublishedRoadmapView Roadmap, string? Slug, int? AskedItemId, string? AskText);

/// <summary>A stakeholder's "since your last visit" on the product home.</summary>
public sealed record SinceLastVisitPanel(SinceLastVisit Since, string Slug);
