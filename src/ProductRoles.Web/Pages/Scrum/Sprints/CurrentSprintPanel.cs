using ProductRoles.Web.Features.Scrum.Sprints;

namespace ProductRoles.Web.Pages.Scrum.Sprints;

/// <summary>The current sprint panel on the product home page.</summary>
public sealed record CurrentSprintPanel(CurrentSprintView Sprint, string Slug);
