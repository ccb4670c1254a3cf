using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Sharing;
using ProductRoles.Web.Features.Sharing;
using static ProductRoles.Tests.Access.AccessRow;

namespace ProductRoles.Tests.Access;

/// <summary>
/// Share links: the product manager and the product owner manage them; a link's page opens for anyone who has it
/// (signed in or not, member or not); stakeholders ask on the published roadmap. POSTs send input the handlers refuse.
/// What a link reaches beyond its page, and the 404s of revoked and expired links, are in <c>Sharing/ShareLinkTests</c>.
/// </summary>
public sealed class SharingAccessRows : IAccessRows
{
    private static readonly Who[] Managers = [Who.ProductManager, Who.ProductOwner];

    public IEnumerable<AccessRow> Rows =>
    [
        Get("/p/{slug}/share-links", Managers),
        Post("/p/{slug}/share-links", Managers, form: new Dictionary<string, string> { ["Input.Target"] = "roadmap", ["Input.Label"] = "" }),
        Post("/p/{slug}/share-links", Managers, handler: "Revoke", form: new Dictionary<string, string> { ["linkId"] = "0" }),
        Get("/s/{secret}", Roles.Everyone) with { Resolve = FreshReviewLinkAsync },
        Post("/p/{slug}/roadmap/published", [Who.Stakeholder], handler: "Ask", form: new Dictionary<string, string> { ["AskItemId"] = "0", ["AskText"] = "" }),
    ];

    private static async Task<IReadOnlyDictionary<string, string>> FreshReviewLinkAsync(AppFixture app)
    {
        var access = await AccessProduct.GetAsync(app);
        var link = await access.Product.SendAsync(AppFixture.Po,
            new CreateShareLink(access.Product.Slug, ShareLinkKind.SprintReview, access.ClosedSprintId, "Access walk", null));
        return new Dictionary<string, string> { ["secret"] = link.Secret };
    }
}
