using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ProductRoles.Web.Infrastructure.Web.Wire;

/// <summary>
/// The import map the layout writes before any module: every script under wwwroot/js and wwwroot/lib mapped to
/// its fingerprinted address, so that the modules' own <c>import "./x.js"</c> (and <c>import()</c>) fetch
/// <c>/js/x.js?v=…</c> and can be cached for a year like the files the layout names. It is inline, so the
/// content security policy names it by its hash (<see cref="ScriptHash"/>) instead of allowing inline script.
/// Made once: a file added while the app runs is fetched by its plain address, briefly cached.
/// </summary>
public sealed class ImportMap
{
    public ImportMap(IWebHostEnvironment environment, IFileVersionProvider versions)
    {
        var root = environment.WebRootPath;
        var imports = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in new[] { "js", "lib" }.Select(f => Path.Combine(root ?? "", f)).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.js", SearchOption.AllDirectories))
            {
                var path = "/" + Path.GetRelativePath(root!, file).Replace('\\', '/');
                imports[path] = versions.AddFileVersionToPath("", path);
            }
        }

        Json = JsonSerializer.Serialize(new { imports });
        ScriptHash = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Json)))}'";
    }

    /// <summary>The map, exactly as the layout writes it between the script tags.</summary>
    public string Json { get; }

    /// <summary>The CSP source that allows exactly this inline script.</summary>
    public string ScriptHash { get; }
}
