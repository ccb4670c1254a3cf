using ProductRoles.Tests.Infrastructure.Ordering;

[assembly: TestFramework(ShuffledTestFramework.TypeName, "ProductRoles.Tests")]
[assembly: TestCaseOrderer(ShuffledTestCaseOrderer.TypeName, "ProductRoles.Tests")]
[assembly: TestCollectionOrderer(ShuffledTestCollectionOrderer.TypeName, "ProductRoles.Tests")]
