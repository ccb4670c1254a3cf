using Mediator;
using ProductRoles.Web.Data;

namespace ProductRoles.Tests.Infrastructure.TestData;

/// <summary>
/// What the builders need of the app under test: send through the real pipeline as a user, read the database.
/// The integration tests' <c>AppFixture</c> and the browser journeys' app both give it, so journeys build
/// their own products with these same builders (the files are linked into the browser test project).
/// </summary>
public interface ITestApp
{
    Task AsUserAsync(string email, Func<ISender, Task> action);

    Task<T> AsUserAsync<T>(string email, Func<ISender, ValueTask<T>> action);

    Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query);
}

/// <summary>The demo users the seed makes, one per role: the builders' products have them as members.</summary>
public static class DemoUsers
{
    public const string Admin = "admin@demo.local";
    public const string Pm = "pm@demo.local";
    public const string Po = "po@demo.local";
    public const string Sm = "sm@demo.local";
    public const string Dev = "dev@demo.local";
    public const string Stakeholder = "stakeholder@demo.local";
}
