using ProductRoles.Web.Features.ProductManager.Roadmap;

namespace ProductRoles.Web.Pages.ProductManager.Roadmap;

/// <summary>One piece of roadmap feedback as shown on the item page and the feedback list.</summary>
public sealed record FeedbackEntry(FeedbackView Feedback, bool CanResolve, string Slug, bool ShowItem, bool ShowErrors);
