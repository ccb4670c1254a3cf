using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Tests.Domain;

/// <summary>Small rules the pages lean on: estimates, open retrospective actions, lifecycle stages, rule messages.</summary>
public sealed class EntityRulesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(21)]
    public void Estimates_are_points_on_the_scale_or_none(int? estimate) => Assert.True(BacklogItem.IsValidEstimate(estimate));

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    [InlineData(20)]
    [InlineData(34)]
    public void Other_estimates_are_refused(int estimate) => Assert.False(BacklogItem.IsValidEstimate(estimate));

    [Theory]
    [InlineData(RetrospectiveActionState.Open, true)]
    [InlineData(RetrospectiveActionState.InProgress, true)]
    [InlineData(RetrospectiveActionState.Done, false)]
    [InlineData(RetrospectiveActionState.Dropped, false)]
    public void A_retrospective_action_carries_over_until_it_is_done_or_dropped(RetrospectiveActionState state, bool open) =>
        Assert.Equal(open, new RetrospectiveAction { Title = "Pair on reviews", State = state }.IsOpen);

    [Theory]
    [InlineData(LifecycleStage.Discovery, true)]
    [InlineData(LifecycleStage.Development, true)]
    [InlineData(LifecycleStage.Launch, false)]
    [InlineData(LifecycleStage.Growth, false)]
    [InlineData(LifecycleStage.Maturity, false)]
    [InlineData(LifecycleStage.Sunset, false)]
    public void A_product_is_before_launch_in_discovery_and_development(LifecycleStage stage, bool before) =>
        Assert.Equal(before, stage.IsBeforeLaunch());

    [Fact]
    public void A_broken_rule_names_every_message_for_the_log()
    {
        var ex = new DomainRuleException(new Dictionary<string, string[]>
        {
            ["Criteria[0].Checked"] = ["Tick this criterion."],
            ["Criteria[1].WaiverReason"] = ["Say why.", "Keep it short."],
        });
        Assert.Equal("A domain rule was broken: Tick this criterion.; Say why.; Keep it short.", ex.Message);
        Assert.Equal(["Say why.", "Keep it short."], ex.Errors["Criteria[1].WaiverReason"]);
    }

    [Fact]
    public void A_rule_for_the_whole_form_has_one_message_under_no_field()
    {
        var ex = new DomainRuleException("", "This sprint is closed.");
        Assert.Equal("A domain rule was broken: This sprint is closed.", ex.Message);
        Assert.Equal(["This sprint is closed."], Assert.Single(ex.Errors).Value);
        Assert.Equal("", Assert.Single(ex.Errors).Key);
    }
}
