using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProductRoles.Tests.Infrastructure;

namespace ProductRoles.Tests.Wire;

/// <summary>Pages go out compressed (HTTPS too), static files by fingerprint are cached a year, and modules import fingerprinted files.</summary>
[Collection(AppCollection.Name)]
public sealed class WireSizeTests(AppFixture app)
{
    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_page_goes_out_compressed_over_https_when_the_browser_accepts_it(string encoding)
    {
        var product = await app.NewProduct("Compressed").BuildAsync();
        await product.BacklogItemsAsync(3);
        var client = await app.SharedClientAsync(AppFixture.Po);

        using var compressed = await GetAsync(client, $"https://localhost{product.Url}/backlog", encoding);
        using var plain = await GetAsync(client, $"https://localhost{product.Url}/backlog", null);

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var bytes = await compressed.Content.ReadAsByteArrayAsync();
        var html = await DecompressAsync(bytes, encoding);
        Assert.Contains("Product backlog", html, StringComparison.Ordinal);
        Assert.Contains("Item 3", html, StringComparison.Ordinal);
        Assert.True(bytes.Length * 3 < Encoding.UTF8.GetByteCount(html), $"{bytes.Length} bytes {encoding} for {html.Length} characters");
    }

    [Fact]
    public async Task The_page_that_shows_a_new_access_token_is_never_compressed_over_https()
    {
        var client = await app.SharedClientAsync(AppFixture.Dev);

        using var response = await GetAsync(client, "https://localhost/settings/tokens", "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_static_file_asked_for_by_its_fingerprint_is_cached_for_a_year_and_otherwise_briefly()
    {
        using var client = app.CreateClient();
        var login = await client.GetPageAsync("/Account/Login");
        var stylesheet = login.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.StartsWith("/css/site.css?v=", stylesheet, StringComparison.Ordinal);

        using var versioned = await client.GetAsync(stylesheet);
        using var plain = await client.GetAsync("/css/site.css");
        using var stale = await client.GetAsync("/css/site.css?v=an-older-fingerprint");

        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl!.ToString());
        foreach (var response in new[] { plain, stale })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(response.Headers.CacheControl!.Extensions, e => e.Name == "immutable");
            Assert.Equal(TimeSpan.FromMinutes(10), response.Headers.CacheControl.MaxAge);
        }
    }

    [Fact]
    public async Task Modules_import_each_other_by_fingerprint_through_an_import_map_the_policy_allows_by_its_hash()
    {
        var client = await app.SharedClientAsync(AppFixture.Po);
        using var response = await client.GetAsync("/");
        var page = await TestClient.ParseAsync(response);

        var map = page.QuerySelector("script[type=importmap]")!.TextContent;
        var imports = JsonDocument.Parse(map).RootElement.GetProperty("imports");
        var sortable = imports.GetProperty("/js/sortable-lists.js").GetString()!;
        Assert.StartsWith("/js/sortable-lists.js?v=", sortable, StringComparison.Ordinal);
        Assert.StartsWith("/lib/sortablejs/sortable.esm.js?v=", imports.GetProperty("/lib/sortablejs/sortable.esm.js").GetString(), StringComparison.Ordinal);
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(map)));
        Assert.Contains($"script-src 'self' 'sha256-{hash}';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var module = await client.GetAsync(sortable);
        Assert.Equal(HttpStatusCode.OK, module.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", module.Headers.CacheControl!.ToString());
    }

    private static Task<HttpResponseMessage> GetAsync(TestClient client, string url, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return client.SendAsync(request);
    }

    private static async Task<string> DecompressAsync(byte[] bytes, string encoding)
    {
        using var input = new MemoryStream(bytes);
        await using Stream decompressed = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decompressed, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
