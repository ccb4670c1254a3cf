using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.RoadmapFeedback;

/// <summary>All feedback about the roadmap, open first; optionally only one status.</summary>
[Requires(Permission.ViewStrategy)]
public sealed record GetRoadmapFeedback(string ProductSlug, RoadmapFeedbackStatus? Status = null)
    : IQuery<RoadmapFeedbackList>, IProductRequest;

public sealed record RoadmapFeedbackList(IReadOnlyList<FeedbackView> Items)
{
    /// <summary>Whether the caller may resolve the feedback.</summary>
    public bool CanResolve { get; init; }
}

public sealed class GetRoadmapFeedbackHandler(AppDbContext db, ProductContext product)
    : IQueryHandler<GetRoadmapFeedback, RoadmapFeedbackList>
{
    public async ValueTask<RoadmapFeedbackList> Handle(GetRoadmapFeedback query, CancellationToken cancellationToken)
    {
        IQueryable<Domain.Roadmap.RoadmapFeedback> feedback = db.RoadmapFeedback;
        if (query.Status is { } status)
        {
            feedback = feedback.Where(f => f.Status == status);
        }

        return new RoadmapFeedbackList(await FeedbackQueries.Views(feedback, cancellationToken))
        {
            CanResolve = product.Can(Permission.ResolveRoadmapFeedback),
        };
    }
}
