namespace ProductRoles.Web.Pages.Shared;

/// <summary>The Watch / Unwatch button of a backlog item, roadmap item or sprint review page.</summary>
public sealed record WatchButton(bool Watching, string What);
