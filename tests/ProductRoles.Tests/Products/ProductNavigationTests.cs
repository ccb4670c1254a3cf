using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Security;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Tests.Products;

public sealed class ProductNavigationTests
{
    private static ProductAccess As(ProductRole? role, bool admin = false) => new(1, "p", "Product", LifecycleStage.Growth, role, admin);

    private static List<(string Group, string[] Links)> Sidebar(ProductAccess access) =>
        [.. ProductNavigation.For(access).Select(g => (g.Key, g.Select(i => i.Label).ToArray()))];

    public static TheoryData<ProductRole> Roles => [.. Enum.GetValues<ProductRole>()];

    [Theory]
    [MemberData(nameof(Roles))]
    public void Sidebar_groups_say_what_they_hold_not_whose_they_are(ProductRole role)
    {
        var groups = Sidebar(As(role)).Select(g => g.Group).ToList();

        var roleNames = Enum.GetValues<ProductRole>().Select(r => r.Display()).Append("Scrum");
        Assert.DoesNotContain(groups, g => roleNames.Contains(g, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(groups.Distinct(), groups); // each group once, its links together
        Assert.Equal("Overview", groups[0]);
    }

    [Fact]
    public void A_stakeholder_finds_the_published_roadmap_under_Roadmap_and_the_sprint_reviews_under_Sprints()
    {
        var sidebar = Sidebar(As(ProductRole.Stakeholder));

        Assert.Equal(["Overview", "Roadmap", "Sprints"], sidebar.Select(g => g.Group));
        Assert.Equal(["Home", "Members"], sidebar[0].Links);
        Assert.Equal(["Published roadmap"], sidebar[1].Links);
        Assert.Equal(["Sprint reviews"], sidebar[2].Links);
    }

    [Fact]
    public void The_team_sees_strategy_roadmap_backlog_and_sprints()
    {
        foreach (var role in new[] { ProductRole.ProductManager, ProductRole.ProductOwner, ProductRole.ScrumMaster, ProductRole.Developer })
        {
            var sidebar = Sidebar(As(role));
            Assert.Equal(["Overview", "Strategy", "Roadmap", "Backlog", "Sprints"], sidebar.Select(g => g.Group));
            Assert.Contains("Product backlog", sidebar[3].Links);
            Assert.Contains("Sprints", sidebar[4].Links);
        }
    }

    [Fact]
    public void An_administrator_who_is_not_a_member_sees_only_the_overview()
    {
        var sidebar = Sidebar(As(null, admin: true));

        Assert.Equal(["Overview"], sidebar.Select(g => g.Group));
        Assert.Equal(["Home", "History", "Members", "Settings"], sidebar[0].Links);
    }
}
