using ProductRoles.Web.Features.ProductManager.Delivery;

namespace ProductRoles.Web.Pages.ProductManager.Roadmap;

/// <summary>The model of the roadmap item's delivery section.</summary>
public sealed record DeliverySection(RoadmapItemDelivery Delivery, string Slug, string? TargetQuarter, bool CanSeeBacklog, bool CanSeeReviews);

/// <summary>A list of delivery stories, linked to the backlog for those who may read it.</summary>
public sealed record DeliveryStories(IReadOnlyList<DeliveryStory> Stories, string Slug, bool CanSeeBacklog);
