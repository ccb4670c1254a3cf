using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Features.ProductManager.Research;

namespace ProductRoles.Tests.Infrastructure.TestData;

/// <summary>A market insight the product manager records, observed a month ago.</summary>
public sealed class InsightBuilder(TestProduct product, string title)
{
    private RecordInsight _insight = new(product.Slug, InsightKind.CustomerInterview, title, "What we learned.", null,
        DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1), null, false);

    public InsightBuilder Kind(InsightKind kind) => With(_insight with { Kind = kind });

    public InsightBuilder Summary(string markdown) => With(_insight with { Summary = markdown });

    public InsightBuilder Source(string source) => With(_insight with { Source = source });

    public InsightBuilder ObservedOn(DateOnly day) => With(_insight with { ObservedOn = day });

    public InsightBuilder Tags(string tags) => With(_insight with { Tags = tags });

    public InsightBuilder Opportunity() => With(_insight with { IsOpportunity = true });

    public Task<int> CreateAsync() => product.SendAsync(DemoUsers.Pm, _insight);

    private InsightBuilder With(RecordInsight insight)
    {
        _insight = insight;
        return this;
    }
}
