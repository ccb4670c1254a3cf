using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Sharing;
using ProductRoles.Web.Features.Sharing;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Sharing;

/// <summary>
/// The product's share links: make one for the published roadmap (the PM) or a sprint review (the PO), copy it
/// this once, see how often each was opened, revoke it.
/// </summary>
public sealed class IndexModel : ProductPageModel
{
    // The new link travels to the page after the redirect in TempData (a data-protected cookie, read once).
    private const string CreatedKey = "CreatedShareLink";
    private const string RoadmapTarget = "roadmap";
    private const string ReviewTarget = "review-";

    public ShareLinksView Links { get; private set; } = new([], false, false, false, [], default);

    /// <summary>The address of the link just made: shown on this one view of the page, never again.</summary>
    public string? CreatedLink { get; private set; }

    [BindProperty]
    public LinkInput Input { get; set; } = new();

    /// <summary>What to preselect: "roadmap" or a sprint id, from the published roadmap's or a review's "Share with a link".</summary>
    [BindProperty(SupportsGet = true, Name = "share")]
    public string? Share { get; set; }

    public static string ReviewValue(int sprintId) => ReviewTarget + sprintId.ToString(CultureInfo.InvariantCulture);

    public static string RoadmapValue => RoadmapTarget;

    public async Task OnGetAsync()
    {
        CreatedLink = TempData[CreatedKey] as string;
        await LoadAsync();
        Input.Target = Share is { } share && int.TryParse(share, NumberStyles.None, CultureInfo.InvariantCulture, out var sprintId)
            ? ReviewValue(sprintId)
            : Share ?? (Links.CanShareRoadmap ? RoadmapTarget : Links.Reviews.Select(r => ReviewValue(r.SprintId)).FirstOrDefault());
    }

    public Task<IActionResult> OnPostAsync()
    {
        var (kind, sprintId) = Parse(Input.Target);
        return SendAndRedirectAsync(new CreateShareLink(Slug, kind, sprintId, Input.Label ?? "", Input.ExpiresOn),
            created =>
            {
                TempData[CreatedKey] = $"{Request.Scheme}://{Request.Host}/s/{created.Secret}";
                return ($"Link for “{Input.Label?.Trim()}” made. Copy it now: it is shown only this once.", RedirectToPage());
            },
            onFailure: () =>
            {
                ShowErrorsAt("Input." + nameof(CreateShareLink.Kind), "Input." + nameof(LinkInput.Target));
                ShowErrorsAt("Input." + nameof(CreateShareLink.SprintId), "Input." + nameof(LinkInput.Target));
                return LoadAsync();
            });
    }

    public Task<IActionResult> OnPostRevokeAsync(int linkId) =>
        SendAndRedirectAsync(new RevokeShareLink(Slug, linkId), _ => ("Link revoked: it no longer opens anything.", RedirectToPage()), LoadAsync, prefix: "");

    private async Task LoadAsync() => Links = await Sender.Send(new GetShareLinks(Slug), Aborted);

    /// <summary>"roadmap" or "review-12"; anything else is no kind at all, which the validator refuses with its message.</summary>
    private static (ShareLinkKind Kind, int? SprintId) Parse(string? target) =>
        target == RoadmapTarget ? (ShareLinkKind.PublishedRoadmap, null)
        : target is not null && target.StartsWith(ReviewTarget, StringComparison.Ordinal)
          && int.TryParse(target.AsSpan(ReviewTarget.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (ShareLinkKind.SprintReview, id)
            : ((ShareLinkKind)(-1), null);

    public sealed class LinkInput
    {
        public string? Target { get; set; }
        public string? Label { get; set; }
        public DateOnly? ExpiresOn { get; set; }
    }
}
