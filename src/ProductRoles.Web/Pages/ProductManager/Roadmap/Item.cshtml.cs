using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.ProductManager.RoadmapFeedback;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductManager.Roadmap;

public sealed class ItemModel : ProductItemPageModel
{
    [BindProperty]
    public FeedbackInput Feedback { get; set; } = new();

    [BindProperty]
    public ResolveInput Resolve { get; set; } = new();

    public RoadmapItemDetail? Item { get; private set; }
    public int? ResolveErrorsFor { get; private set; }
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostFeedbackAsync() =>
        SendAndRedirectAsync(new GiveRoadmapFeedback(Slug, Id, Feedback.Kind, Feedback.Body ?? ""),
            _ => ("Thank you: your feedback is with the product manager.", RedirectToPage(new { slug = Slug, id = Id })), LoadAsync, prefix: "Feedback");

    public Task<IActionResult> OnPostResolveAsync() =>
        SendAndRedirectAsync(new ResolveRoadmapFeedback(Slug, Resolve.FeedbackId, Resolve.Status, Resolve.Answer, Resolve.Version),
            _ => ($"Feedback marked {Resolve.Status.Display().ToLowerInvariant()}.", RedirectToPage(new { slug = Slug, id = Id })),
            onFailure: () =>
            {
                ResolveErrorsFor = Resolve.FeedbackId;
                return LoadAsync();
            },
            prefix: "Resolve");

    public Task<IActionResult> OnPostWatchAsync(bool watch) =>
        SendAndRedirectAsync(new ProductRoles.Web.Features.Notifications.WatchRoadmapItem(Slug, Id, watch),
            _ => (watch ? "You watch this roadmap item now: you are told of its feedback and changes." : "You no longer watch this roadmap item.",
                RedirectToPage(new { slug = Slug, id = Id })),
            LoadAsync, prefix: "");

    /// <summary>Whether the reader watches this roadmap item (its Watch / Unwatch button).</summary>
    public bool Watching { get; private set; }

    private async Task LoadAsync()
    {
        Item = await Sender.Send(new GetRoadmapItem(Slug, Id), Aborted);
        Watching = await Sender.Send(new ProductRoles.Web.Features.Notifications.IsWatching(Slug, ProductRoles.Web.Domain.Notifications.WatchSubject.RoadmapItem, Id), Aborted);
        if (Item.CanSeeHistory)
        {
            History = await Sender.Send(GetEntityHistory.Of<RoadmapItem>(Slug, Id), Aborted);
        }
    }

    public sealed class FeedbackInput
    {
        public RoadmapFeedbackKind Kind { get; set; }
        public string? Body { get; set; }
    }

    public sealed class ResolveInput
    {
        public int FeedbackId { get; set; }
        public RoadmapFeedbackStatus Status { get; set; }
        public string? Answer { get; set; }
        public int Version { get; set; }
    }
}
