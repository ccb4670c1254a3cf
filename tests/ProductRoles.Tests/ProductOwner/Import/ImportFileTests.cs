using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Backlog.Import;
using static ProductRoles.Tests.ProductOwner.Import.ImportTestSupport;

namespace ProductRoles.Tests.ProductOwner.Import;

/// <summary>Files the import refuses with a message beside the upload field, and our own export's round trip.</summary>
[Collection(AppCollection.Name)]
public sealed class ImportFileTests(AppFixture app)
{
    private Task<TestProduct> NewProductAsync() => app.NewProduct("Import files").BuildAsync();

    public static TheoryData<string, string> HostileFiles => new()
    {
        { "binary", "This is not a CSV file: it holds binary data." },
        { "latin1", "The file is not UTF-8 text" },
        { "utf16", "The file is UTF-16 text." },
        { "empty", "The file is empty." },
        { "headers-only", "The file has a header row but no rows below it" },
        { "too-large", "The file is larger than 50 MB" },
        { "unclosed-quote", "cannot be read as CSV" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_bad_file_gets_a_clear_message_beside_the_field_and_imports_nothing(string kind, string message)
    {
        var product = await NewProductAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        var content = kind switch
        {
            "binary" => [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xFF, 0x10],
            "latin1" => Encoding.Latin1.GetBytes("Summary,Issue key\r\nCafé für Müller,ACME-1\r\n"),
            "utf16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Summary,Issue key\r\nPay,ACME-1\r\n")],
            "empty" => [],
            "headers-only" => Encoding.UTF8.GetBytes("\uFEFFSummary,Issue key,Issue Type\r\n"),
            "too-large" => TooLarge(),
            _ => Encoding.UTF8.GetBytes("Summary,Issue key\r\n\"Pay by card,ACME-1\r\n" + new string('x', 1_100_000)),
        };

        using var response = await UploadAsync(client, product, content);
        var page = await TestClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Upload']")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.BacklogImports.CountAsync(i => i.ProductId == product.Id)));
        Assert.Equal(0, await app.QueryAsync(db => db.BacklogItems.CountAsync(i => i.ProductId == product.Id)));
        Assert.Empty(Directory.Exists(app.Factory.ImportFolder) ? Directory.GetFiles(app.Factory.ImportFolder).Where(f => new FileInfo(f).Length == content.Length && content.Length > 0) : []);
    }

    [Fact]
    public async Task Our_export_imported_into_another_product_exports_as_the_same_file()
    {
        var source = await NewProductAsync();
        var roadmap = await source.RoadmapItem("One-page checkout").CreateAsync();
        await source.BacklogItem("Remember the card").Tags("cards, wallet").Estimate(5).ForRoadmapItem(roadmap).CreateAsync();
        await source.BacklogItem("=HYPERLINK(\"http://evil\")").CreateAsync();
        await source.BacklogItem("Quotes \"and\", commas").Tags("ux").CreateAsync();
        await source.BacklogItem("Fix the refund rounding").Bug().CreateAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        var exported = await (await client.GetAsync($"{source.Url}/backlog/export")).Content.ReadAsByteArrayAsync();

        var target = await NewProductAsync();
        var preview = await PreviewAsync(client, target, exported);
        Assert.Equal("ProductRoles backlog export", preview.Text("#import-format"));
        var import = await RunAsync(app, client, preview);
        Assert.Equal(ImportState.Completed, import.State);
        var again = await (await client.GetAsync($"{target.Url}/backlog/export")).Content.ReadAsByteArrayAsync();

        Assert.Equal(Encoding.UTF8.GetString(exported), Encoding.UTF8.GetString(again));
    }

    private static byte[] TooLarge()
    {
        var line = Encoding.UTF8.GetBytes("Pay by card,ACME-1,Story,To Do,3\r\n");
        var content = new byte[(50 * 1024 * 1024) + 4096];
        var header = Encoding.UTF8.GetBytes("Summary,Issue key,Issue Type,Status,Custom field (Story Points)\r\n");
        header.CopyTo(content, 0);
        var at = header.Length;
        for (; at + line.Length <= content.Length; at += line.Length)
        {
            line.CopyTo(content, at);
        }

        content.AsSpan(at).Fill((byte)'\n');

        return content;
    }
}
