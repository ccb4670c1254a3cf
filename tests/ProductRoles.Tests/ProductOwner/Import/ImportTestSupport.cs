using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Backlog.Import;

namespace ProductRoles.Tests.ProductOwner.Import;

/// <summary>Uploads a file through the upload form, as the product owner's browser does, and waits for runs to finish.</summary>
public static class ImportTestSupport
{
    public static async Task<HttpResponseMessage> UploadAsync(TestClient client, TestProduct product, byte[] content, string fileName = "export.csv")
    {
        var page = await client.GetPageAsync($"{product.Url}/backlog/import");
        var token = page.QuerySelector("#import-upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", fileName);
        return await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{product.Url}/backlog/import") { Content = form });
    }

    /// <summary>Uploads and returns the preview page (the upload redirects there).</summary>
    public static async Task<IHtmlDocument> PreviewAsync(TestClient client, TestProduct product, byte[] content)
    {
        using var response = await UploadAsync(client, product, content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.FollowAsync(response);
    }

    public static int ImportId(IHtmlDocument preview) =>
        int.Parse(new Uri(preview.Url).AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Starts the import from its preview and waits until the background run has finished.</summary>
    public static async Task<BacklogImport> RunAsync(AppFixture app, TestClient client, IHtmlDocument preview)
    {
        using var start = await client.SubmitAsync(preview, "#import-start-form");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Contains("/progress", start.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return await FinishedAsync(app, ImportId(preview));
    }

    public static async Task<BacklogImport> FinishedAsync(AppFixture app, int id)
    {
        // The run is a background job: wait for its outcome (not for a time), up to a generous bound so a hang fails.
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            var import = await app.QueryAsync(db => db.BacklogImports.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == id));
            if (import.State is ImportState.Completed or ImportState.Failed or ImportState.Undone)
            {
                return import;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Import {id} did not finish.");
    }

    public static byte[] Jira(int rows, int seed = 7, string project = "ACME") => Jira(rows, out _, seed, project);

    public static byte[] Jira(int rows, out List<GeneratedIssue> issues, int seed = 7, string project = "ACME")
    {
        using var stream = new MemoryStream();
        var written = new List<GeneratedIssue>();
        new JiraExportGenerator(seed, project).Write(stream, rows, written.Add);
        issues = written;
        return stream.ToArray();
    }
}
