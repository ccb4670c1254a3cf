using System.Text;
using NetArchTest.Rules;
using ProductRoles.Web.Data;

namespace ProductRoles.Tests.Architecture;

/// <summary>
/// The layering of ProductRoles.Web, checked on the compiled assembly (method bodies included, so a
/// `using` that is really used counts). Each failure names the types that broke a rule and why the
/// rule exists; README "Architecture" lists the same rules.
/// </summary>
public sealed class ArchitectureTests
{
    private const string App = "ProductRoles.Web";
    private const string Domain = App + ".Domain";
    private const string Data = App + ".Data";
    private const string Features = App + ".Features";
    private const string Infrastructure = App + ".Infrastructure";
    private const string Pages = App + ".Pages";
    private const string Api = App + ".Api";

    // Razor compiles every .cshtml into a class in this namespace, named after its path (Pages_Products_Home).
    private const string RazorViews = "AspNetCoreGeneratedDocument";

    // Reading the assembly is most of a rule's cost; the list of types is immutable, so it is read once.
    private static readonly Lazy<Types> Assembly = new(() => Types.InAssembly(typeof(AppDbContext).Assembly));

    private static readonly string[] Areas = ["Account", "Administration", "History", "ProductManager", "ProductOwner", "Products", "Scrum"];

    [Fact]
    public void Domain_uses_neither_EF_Core_nor_ASP_NET_nor_the_other_layers()
    {
        var result = AppTypes()
            .That().ResideInNamespace(Domain)
            .ShouldNot().HaveDependencyOnAny(
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions.Identity",
                Data, Features, Infrastructure, Pages, Api)
            .GetResult();

        AssertKept(result, "Domain depends on no framework and no other layer",
            "the rules of the product live in plain classes that any layer can use and a test can build without a "
            + "database or a web host; persistence (Data) and the web (Pages, Api, Infrastructure) depend on the domain, "
            + "never the other way round. A person is a UserProfile (id, display name) here; the identity user is Data.Identity.AppUser.");
    }

    [Fact]
    public void Features_know_nothing_of_pages_or_the_api()
    {
        var result = AppTypes()
            .That().ResideInNamespace(Features)
            .ShouldNot().HaveDependencyOnAny(
                Pages, Api, RazorViews, "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Razor", "Microsoft.AspNetCore.Html")
            .GetResult();

        AssertKept(result, "Features know nothing of Pages, Api or Razor",
            "a use case is a request and its handler, sent alike by a page, the JSON API or a test; form-binding types and "
            + "partials' models belong to the page that binds them (e.g. Pages/ProductOwner/Backlog/DoneChecklistInput).");
    }

    [Fact]
    public void Pages_and_the_api_never_touch_the_database()
    {
        var result = AppTypes()
            .That().ResideInNamespace(Pages).Or().ResideInNamespace(Api).Or().ResideInNamespace(RazorViews)
            .ShouldNot().HaveDependencyOnAny(Data, "Microsoft.EntityFrameworkCore")
            .GetResult();

        AssertKept(result, "Pages and Api never touch AppDbContext or anything in ProductRoles.Web.Data",
            "pages and endpoints send a request through the mediator, so membership, permissions, validation, history and "
            + "concurrency are applied in one place for both; a page that reads the DbContext skips all of them.");
    }

    [Theory]
    [InlineData("ProductManager", "ProductOwner")]
    [InlineData("ProductOwner", "ProductManager")]
    public void The_product_manager_and_product_owner_areas_never_reference_each_other(string from, string to)
    {
        var result = AppTypes()
            .That().ResideInNamespace($"{Features}.{from}")
            .ShouldNot().HaveDependencyOnAny($"{Features}.{to}")
            .GetResult();

        AssertKept(result, $"Features.{from} does not reference Features.{to}",
            "the strategic (vision, goals, research, roadmap) and tactical (backlog, Definition of Done, feedback) roles meet "
            + "only in the domain's links (a backlog item's roadmap item); a handler of one calling the other's would let one "
            + "role's change break the other's. Share a rule through Domain, or react to a domain event.");
    }

    [Fact]
    public void The_feature_areas_form_no_cycle()
    {
        var edges = Edges(Areas.Select(a => $"{Features}.{a}").ToArray());
        AssertNoCycle(edges, "the feature areas (Features.* folders) form no dependency cycle",
            "an area may use another's queries, but two areas that call each other can no longer change, be tested or be "
            + "understood apart; break a cycle with a domain event handled inside the same transaction, or by moving the "
            + "shared rule into Domain.");
    }

    [Fact]
    public void Data_and_infrastructure_form_no_cycle()
    {
        var edges = Edges([Data, Infrastructure]);
        AssertNoCycle(edges, "Data and Infrastructure form no dependency cycle",
            "Infrastructure (access checks, identity, the pipeline) is built on Data, so Data must not reach back into it: "
            + "AppDbContext learns who is saving through Data.Auditing.IChangeAuthor, which ICurrentUser extends.");
    }

    private static Types AppTypes() => Assembly.Value;

    /// <summary>Which of the given namespaces depends on which, with the types that make each dependency.</summary>
    private static Dictionary<(string From, string To), IReadOnlyList<IType>> Edges(string[] namespaces)
    {
        var edges = new Dictionary<(string, string), IReadOnlyList<IType>>();
        foreach (var from in namespaces)
        {
            Assert.True(AppTypes().That().ResideInNamespace(from).GetTypes().Any(), $"No types in {from}: was it renamed?");
            foreach (var to in namespaces.Where(n => n != from))
            {
                var types = AppTypes()
                    .That().ResideInNamespace(from)
                    .And().HaveDependencyOnAny(to)
                    .GetTypes()
                    .ToList();
                if (types.Count > 0)
                {
                    edges[(from, to)] = types;
                }
            }
        }

        return edges;
    }

    private static void AssertNoCycle(Dictionary<(string From, string To), IReadOnlyList<IType>> edges, string rule, string why)
    {
        var cycles = new List<List<string>>();
        var nodes = edges.Keys.SelectMany(k => new[] { k.From, k.To }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var start in nodes)
        {
            // Each cycle once: it is found from its smallest member, walking only through larger ones.
            FindCycles(start, start, [start]);
        }

        void FindCycles(string start, string at, List<string> path)
        {
            foreach (var next in edges.Keys.Where(k => k.From == at).Select(k => k.To))
            {
                if (next == start)
                {
                    cycles.Add([.. path, start]);
                }
                else if (string.CompareOrdinal(next, start) > 0 && !path.Contains(next))
                {
                    FindCycles(start, next, [.. path, next]);
                }
            }
        }

        if (cycles.Count == 0)
        {
            return;
        }

        var message = new StringBuilder($"Broken rule: {rule}.\nWhy it exists: {why}\n");
        foreach (var cycle in cycles)
        {
            message.Append("\nCycle: ").AppendJoin(" → ", cycle.Select(Short)).Append('\n');
            for (var i = 0; i + 1 < cycle.Count; i++)
            {
                message.Append("  ").Append(Short(cycle[i])).Append(" → ").Append(Short(cycle[i + 1])).Append(" because of:\n");
                foreach (var type in edges[(cycle[i], cycle[i + 1])])
                {
                    message.Append("    ").Append(Describe(type)).Append('\n');
                }
            }
        }

        Assert.Fail(message.ToString());
    }

    private static void AssertKept(TestResult result, string rule, string why)
    {
        // A rule over no types would pass for ever: a renamed namespace must fail here, not go unchecked.
        Assert.True(result.SelectedTypesForTesting.Any(), $"The rule '{rule}' selects no types: was a namespace renamed?");
        if (result.IsSuccessful)
        {
            return;
        }

        var message = new StringBuilder($"Broken rule: {rule}.\nWhy it exists: {why}\nBroken by:\n");
        foreach (var type in result.FailingTypes)
        {
            message.Append("  ").Append(Describe(type)).Append('\n');
        }

        Assert.Fail(message.ToString());
    }

    private static string Describe(IType type) =>
        string.IsNullOrWhiteSpace(type.Explanation) ? type.FullName : $"{type.FullName}: {type.Explanation}";

    private static string Short(string ns) => ns.StartsWith(App + ".", StringComparison.Ordinal) ? ns[(App.Length + 1)..] : ns;
}
