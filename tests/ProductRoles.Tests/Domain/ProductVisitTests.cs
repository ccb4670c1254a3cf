using ProductRoles.Web.Domain;

namespace ProductRoles.Tests.Domain;

/// <summary>"Since your last visit": visits separated by a gap, written at most every few minutes.</summary>
public sealed class ProductVisitTests
{
    private static readonly DateTime Nine = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_first_visit_looks_back_two_weeks_and_is_written()
    {
        Assert.Equal(Nine.AddDays(-14), ProductVisit.ShownSince(null, Nine));
        Assert.True(ProductVisit.NeedsWrite(null, Nine));
        var visit = ProductVisit.First(1, "u", Nine);
        Assert.Equal((Nine, Nine.AddDays(-14)), (visit.LastSeenAt, visit.Since));
    }

    [Fact]
    public void Loads_within_a_visit_keep_its_start_and_are_written_at_most_every_five_minutes()
    {
        var visit = ProductVisit.First(1, "u", Nine);

        Assert.False(ProductVisit.NeedsWrite(visit, Nine.AddMinutes(4)));
        Assert.Equal(Nine.AddDays(-14), ProductVisit.ShownSince(visit, Nine.AddMinutes(4)));
        Assert.True(ProductVisit.NeedsWrite(visit, Nine.AddMinutes(5)));

        visit.Seen(Nine.AddMinutes(20));
        Assert.Equal((Nine.AddMinutes(20), Nine.AddDays(-14)), (visit.LastSeenAt, visit.Since));
    }

    [Fact]
    public void After_a_gap_of_over_half_an_hour_a_new_visit_starts_where_the_last_one_ended()
    {
        var visit = ProductVisit.First(1, "u", Nine);
        var afternoon = Nine.AddHours(5);

        // Shown so before the load is written, and kept once it is.
        Assert.Equal(Nine, ProductVisit.ShownSince(visit, afternoon));
        visit.Seen(afternoon);
        Assert.Equal((afternoon, Nine), (visit.LastSeenAt, visit.Since));
        visit.Seen(afternoon.AddMinutes(10));
        Assert.Equal(Nine, visit.Since);
        Assert.Equal(Nine, ProductVisit.ShownSince(visit, afternoon.AddMinutes(40)));
        Assert.Equal(afternoon.AddMinutes(10), ProductVisit.ShownSince(visit, afternoon.AddMinutes(41)));
    }
}
