using ProductRoles.Web.Domain.Roadmap;

namespace ProductRoles.Tests.Domain;

/// <summary>RICE scores and target quarters as the product manager enters them on the roadmap.</summary>
public sealed class RoadmapScoringTests
{
    [Theory]
    // reach × impact × confidence% ÷ effort, to one decimal
    [InlineData(1000, 2, 80, 4, 400.0)]
    [InlineData(500, 0.5, 50, 2, 62.5)]
    [InlineData(3, 1, 100, 3, 1.0)]
    [InlineData(10, 0.5, 10, 0.1, 5.0)]
    [InlineData(7, 1, 33, 3, 0.8)]
    public void The_rice_score_is_reach_times_impact_times_confidence_over_effort(int reach, double impact, int confidence, double effort, double score) =>
        Assert.Equal(score, RoadmapItem.RiceScore(reach, (decimal)impact, confidence, (decimal)effort));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void No_effort_scores_zero_instead_of_dividing_by_it(double effort) =>
        Assert.Equal(0, RoadmapItem.RiceScore(1000, 3m, 100, (decimal)effort));

    [Fact]
    public void Setting_the_rice_inputs_keeps_them_and_recomputes_the_score()
    {
        var item = new RoadmapItem { Title = "Wallets", Rank = "a0" };
        item.SetRice(1000, 2m, 80, 4m);
        Assert.Equal((1000, 2m, 80, 4m, 400.0), (item.Reach, item.Impact, item.Confidence, item.Effort, item.Score));

        item.SetRice(200, 1m, 50, 1m);
        Assert.Equal(100.0, item.Score);
    }

    [Theory]
    [InlineData("2027-Q1")]
    [InlineData("2000-Q4")]
    [InlineData("2100-Q2")]
    [InlineData("2050-Q3")]
    public void A_quarter_is_a_year_and_Q1_to_Q4(string value) => Assert.True(RoadmapItem.IsQuarter(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2027-Q0")]
    [InlineData("2027-Q5")]
    [InlineData("2027-q1")]
    [InlineData("2027 Q1")]
    [InlineData("2027-X1")]
    [InlineData("1999-Q1")]
    [InlineData("2101-Q1")]
    [InlineData("2027-Q12")]
    [InlineData("227-Q1")]
    [InlineData("abcd-Q1")]
    public void Anything_else_is_no_quarter(string? value) => Assert.False(RoadmapItem.IsQuarter(value));
}
