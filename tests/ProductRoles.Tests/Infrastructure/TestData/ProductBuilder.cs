using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Features.ProductOwner.DefinitionOfDone;

namespace ProductRoles.Tests.Infrastructure.TestData;

/// <summary>
/// A product of the test's own, made by the administrator through the app's own commands, with a
/// unique slug. Its members are the demo users (one per role) unless the test says otherwise: they
/// already exist, so no password is hashed and their shared signed-in clients work here too.
/// </summary>
public sealed class ProductBuilder(ITestApp app, string name)
{
    private static int _sequence;

    private readonly Dictionary<string, ProductRole> _members = new()
    {
        [DemoUsers.Pm] = ProductRole.ProductManager,
        [DemoUsers.Po] = ProductRole.ProductOwner,
        [DemoUsers.Sm] = ProductRole.ScrumMaster,
        [DemoUsers.Dev] = ProductRole.Developer,
        [DemoUsers.Stakeholder] = ProductRole.Stakeholder,
    };

    private LifecycleStage _stage = LifecycleStage.Growth;
    private string? _definitionOfDone;

    public ProductBuilder InStage(LifecycleStage stage)
    {
        _stage = stage;
        return this;
    }

    /// <summary>Only these members (the demo users given), instead of one demo user per role.</summary>
    public ProductBuilder WithMembers(params (string Email, ProductRole Role)[] members)
    {
        _members.Clear();
        foreach (var (email, role) in members)
        {
            _members[email] = role;
        }

        return this;
    }

    public ProductBuilder WithDefinitionOfDone(params string[] criteria)
    {
        _definitionOfDone = string.Join('\n', criteria);
        return this;
    }

    public async Task<TestProduct> BuildAsync()
    {
        var slug = $"{Slugify(name)}-{Interlocked.Increment(ref _sequence)}";
        await app.AsUserAsync(DemoUsers.Admin, async sender =>
        {
            await sender.Send(new CreateProduct(name, slug, _stage, null));
            foreach (var (email, role) in _members)
            {
                await sender.Send(new SetMemberRole(slug, email, role));
            }
        });
        var id = await app.QueryAsync(db => db.Products.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());
        var product = new TestProduct(app, slug, id);
        if (_definitionOfDone is not null)
        {
            await product.SendAsync(DemoUsers.Po, new EditDefinitionOfDone(slug, _definitionOfDone, 0));
        }

        return product;
    }

    private static string Slugify(string text)
    {
        var words = new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var slug = string.Join('-', words);
        return slug.Length == 0 ? "test" : slug[..Math.Min(slug.Length, 40)].TrimEnd('-');
    }
}
