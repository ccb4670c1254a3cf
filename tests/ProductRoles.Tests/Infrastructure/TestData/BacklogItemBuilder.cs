using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.Infrastructure.TestData;

/// <summary>A backlog item the product owner writes; by default a ready 3-point story with two acceptance criteria.</summary>
public sealed class BacklogItemBuilder(TestProduct product, string title)
{
    private BacklogItemFields _fields = new(BacklogItemType.Story, title, "merchant", title.ToLowerInvariant(), "it works", null, 3,
        BacklogItemStatus.Ready, null, "First criterion\nSecond criterion", null);

    public BacklogItemFields Fields => _fields;

    public BacklogItemBuilder Story(string asA, string iWant, string? soThat = null) =>
        With(_fields with { Type = BacklogItemType.Story, AsA = asA, IWant = iWant, SoThat = soThat });

    /// <summary>A chore: no story parts and no acceptance criteria.</summary>
    public BacklogItemBuilder Chore() =>
        With(_fields with { Type = BacklogItemType.Chore, AsA = null, IWant = null, SoThat = null, AcceptanceCriteria = null });

    public BacklogItemBuilder Bug() => With(_fields with { Type = BacklogItemType.Bug, AsA = null, IWant = null, SoThat = null });

    public BacklogItemBuilder Estimate(int? points) => With(_fields with { Estimate = points });

    public BacklogItemBuilder Status(BacklogItemStatus status) => With(_fields with { Status = status });

    public BacklogItemBuilder Tags(string tags) => With(_fields with { Tags = tags });

    public BacklogItemBuilder Description(string markdown) => With(_fields with { Description = markdown });

    public BacklogItemBuilder ForRoadmapItem(int roadmapItemId) => With(_fields with { RoadmapItemId = roadmapItemId });

    public Task<int> CreateAsync() => product.SendAsync(DemoUsers.Po, new CreateBacklogItem(product.Slug, _fields));

    private BacklogItemBuilder With(BacklogItemFields fields)
    {
        _fields = fields;
        return this;
    }
}
