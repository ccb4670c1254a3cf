using System.Text;
using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Backlog;

/// <summary>The whole backlog as CSV, written to the response as rows arrive from the database.</summary>
public sealed class ExportModel : ProductPageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var rows = await Sender.Send(new ExportBacklog(Slug), HttpContext.RequestAborted);
        return new BacklogCsvResult(rows, $"{Slug}-backlog.csv");
    }

    private sealed class BacklogCsvResult(IAsyncEnumerable<BacklogExportRow> rows, string fileName) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.ContentType = "text/csv; charset=utf-8";
            response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
            await writer.WriteLineAsync(BacklogCsv.Header);
            var position = 0;
            await foreach (var row in rows.WithCancellation(context.HttpContext.RequestAborted))
            {
                await writer.WriteLineAsync(BacklogCsv.Line(++position, row));
                if (position % 500 == 0)
                {
                    await writer.FlushAsync(context.HttpContext.RequestAborted);
                }
            }
        }
    }
}
