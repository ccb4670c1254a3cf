using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Roadmap;

namespace ProductRoles.Web.Pages.ProductManager.Roadmap;

/// <summary>One piece of roadmap feedback as shown on the item page and the feedback list.</summary>
public sealed record FeedbackEntry(FeedbackView Feedback, bool CanResolve, string Slug, bool ShowItem, bool ShowErrors)
{
    public static string KindLabel(RoadmapFeedbackKind kind) => kind == RoadmapFeedbackKind.CustomerConcern ? "Customer concern" : kind.ToString();
}
