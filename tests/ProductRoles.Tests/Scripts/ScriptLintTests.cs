using System.Diagnostics;
using System.Net;
using ProductRoles.Tests.Infrastructure;

namespace ProductRoles.Tests.Scripts;

/// <summary>
/// The browser scripts are linted with ESLint (src/ProductRoles.Web/eslint.config.js), and the
/// packages they import come from npm through the build, so a lint error or a missing copy fails here.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ScriptLintTests(AppFixture app)
{
    [Fact]
    public async Task The_scripts_pass_eslint()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "ProductRoles.Web");
        var eslint = Path.Combine(web, "node_modules", "eslint", "bin", "eslint.js");
        Assert.True(File.Exists(eslint), $"{eslint} is missing: building ProductRoles.Web runs `npm ci`, which installs it.");

        var start = new ProcessStartInfo("node", [eslint, "--max-warnings", "0", "."])
        {
            WorkingDirectory = web,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var lint = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = lint.StandardOutput.ReadToEndAsync();
        var errors = lint.StandardError.ReadToEndAsync();
        await lint.WaitForExitAsync();

        Assert.True(lint.ExitCode == 0, $"ESLint found problems (exit {lint.ExitCode}):\n{await output}\n{await errors}");
    }

    [Theory]
    [InlineData("/lib/sortablejs/sortable.esm.js", "Sortable 1.15.7")]
    [InlineData("/js/sortable-lists.js", "from \"../lib/sortablejs/sortable.esm.js\"")]
    public async Task The_drag_and_drop_module_and_the_library_it_imports_are_served(string url, string content)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(content, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/p/acme-checkout/backlog", AppFixture.Po, "/js/backlog.js")]
    [InlineData("/p/acme-checkout/roadmap", AppFixture.Pm, "/js/roadmap.js")]
    public async Task Pages_load_their_scripts_as_modules(string url, string email, string script)
    {
        var client = await app.SharedClientAsync(email);
        var page = await client.GetPageAsync(url);
        // Every script element but the import map (data, not code: see WireSizeTests).
        var scripts = page.Scripts.Where(s => s.Type != "importmap").ToList();
        Assert.Contains(scripts, s => s.Source!.Contains(script, StringComparison.Ordinal));
        Assert.All(scripts, s => Assert.Equal("module", s.Type));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ProductRoles.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("ProductRoles.sln not found above " + AppContext.BaseDirectory);
    }
}
