using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Features.ProductOwner.Feedback;

namespace ProductRoles.Tests.Infrastructure.TestData;

/// <summary>Customer feedback the product owner records, received yesterday.</summary>
public sealed class FeedbackBuilder(TestProduct product, string text)
{
    private RecordFeedback _feedback = new(product.Slug, FeedbackSourceKind.Customer, "A customer", null, text,
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), null);

    public FeedbackBuilder From(FeedbackSourceKind kind, string sourceName) => With(_feedback with { SourceKind = kind, SourceName = sourceName });

    public FeedbackBuilder Account(string account) => With(_feedback with { Account = account });

    public FeedbackBuilder Tags(string tags) => With(_feedback with { Tags = tags });

    public Task<int> CreateAsync() => product.SendAsync(DemoUsers.Po, _feedback);

    private FeedbackBuilder With(RecordFeedback feedback)
    {
        _feedback = feedback;
        return this;
    }
}
