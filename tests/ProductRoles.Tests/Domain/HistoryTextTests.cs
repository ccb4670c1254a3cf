using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;

namespace ProductRoles.Tests.Domain;

/// <summary>The words a history row is written in: entity and field names, and stored values.</summary>
public sealed class HistoryTextTests
{
    [Theory]
    [InlineData("BacklogItem", "backlog item")]
    [InlineData("Product", "product")]
    [InlineData("SEPAPayment", "sepa payment")]
    public void Entity_types_read_as_lower_case_words(string name, string text) => Assert.Equal(text, HistoryText.EntityType(name));

    [Theory]
    [InlineData("RoadmapItemId", "roadmap item")] // a reference without its "Id"
    [InlineData("IsArchived", "archived")] // a flag without its "Is"
    [InlineData("TargetQuarter", "target quarter")]
    [InlineData("Issue", "issue")] // "Is" that starts a word is kept
    [InlineData("Id", "id")]
    [InlineData("Is", "is")]
    [InlineData("Version2Notes", "version2 notes")]
    [InlineData("SEPAPayment", "sepa payment")]
    [InlineData("AsA", "as a")]
    [InlineData("ProductURL", "product url")] // an acronym at the end
    public void Fields_read_as_a_reader_names_them(string name, string text) => Assert.Equal(text, HistoryText.Field(name));

    [Fact]
    public void Values_are_written_the_same_for_every_reader()
    {
        Assert.Null(HistoryText.Value(null));
        Assert.Equal("yes", HistoryText.Value(true));
        Assert.Equal("no", HistoryText.Value(false));
        Assert.Equal("Done", HistoryText.Value(BacklogItemStatus.Done));
        Assert.Equal("3 Mar 2026 14:05 UTC", HistoryText.Value(new DateTime(2026, 3, 3, 14, 5, 0, DateTimeKind.Utc)));
        Assert.Equal("3 Mar 2026 14:05 UTC", HistoryText.Value(new DateTimeOffset(2026, 3, 3, 15, 5, 0, TimeSpan.FromHours(1))));
        Assert.Equal("3 Mar 2026", HistoryText.Value(new DateOnly(2026, 3, 3)));
        Assert.Equal("1.5", HistoryText.Value(1.5m));
        Assert.Equal("12", HistoryText.Value(12));
        Assert.Equal("Refund by wallet", HistoryText.Value("Refund by wallet"));
    }

    [Fact]
    public void A_row_that_no_longer_exists_is_named_by_its_key() => Assert.Equal("#42", HistoryText.Missing(42));
}
