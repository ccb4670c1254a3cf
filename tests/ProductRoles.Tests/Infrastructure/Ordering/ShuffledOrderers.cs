using Xunit.Abstractions;
using Xunit.Sdk;

namespace ProductRoles.Tests.Infrastructure.Ordering;

/// <summary>The tests of one class, shuffled by <see cref="TestOrder.Seed"/>, else xunit's default order.</summary>
public sealed class ShuffledTestCaseOrderer : ITestCaseOrderer
{
    public const string TypeName = "ProductRoles.Tests.Infrastructure.Ordering.ShuffledTestCaseOrderer";

    private readonly DefaultTestCaseOrderer _default;

    public ShuffledTestCaseOrderer(IMessageSink diagnosticMessageSink) => _default = new DefaultTestCaseOrderer(diagnosticMessageSink);

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase
    {
        var ordered = _default.OrderTestCases(testCases).ToList();
        return TestOrder.Seed is int seed && ordered.Count > 0
            ? TestOrder.Shuffle(ordered, ordered[0].TestMethod.TestClass.Class.Name, seed)
            : ordered;
    }
}

/// <summary>The test collections, shuffled by <see cref="TestOrder.Seed"/>, else xunit's default order.</summary>
public sealed class ShuffledTestCollectionOrderer : ITestCollectionOrderer
{
    public const string TypeName = "ProductRoles.Tests.Infrastructure.Ordering.ShuffledTestCollectionOrderer";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var ordered = new DefaultTestCollectionOrderer().OrderTestCollections(testCollections).ToList();
        return TestOrder.Seed is int seed ? TestOrder.Shuffle(ordered, "collections", seed) : ordered;
    }
}
