using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ProductRoles.Tests.Infrastructure.Ordering;

/// <summary>
/// xunit 2 with one addition: the classes of a collection run in an order shuffled by
/// <see cref="TestOrder.Seed"/>. xunit 2 has orderers for collections and for the tests of a class
/// but none for the classes of a collection, and nearly all of our classes share the app collection.
/// </summary>
public sealed class ShuffledTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    public const string TypeName = "ProductRoles.Tests.Infrastructure.Ordering.ShuffledTestFramework";

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override async void RunTestCases(
            IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(
        ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override Task<RunSummary> RunTestCollectionAsync(
            IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource)
        {
            // Classes run in the order they first appear, so shuffling whole classes shuffles the classes.
            var cases = TestOrder.Seed is int seed
                ? TestOrder.Shuffle(testCases.GroupBy(c => c.TestMethod.TestClass.Class.Name), testCollection.DisplayName, seed).SelectMany(g => g)
                : testCases;
            return new XunitTestCollectionRunner(testCollection, cases, DiagnosticMessageSink, messageBus, TestCaseOrderer,
                new ExceptionAggregator(Aggregator), cancellationTokenSource).RunAsync();
        }
    }
}
