using ProductRoles.Web.Features.ProductManager.Home;

namespace ProductRoles.Web.Pages.ProductManager;

/// <summary>One product-manager panel on the product home page.</summary>
public sealed record HomePanel(HomePanelKind Kind, StrategyHighlights Strategy, string Slug);
