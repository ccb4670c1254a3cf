using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Web.Data.Identity;
using ProductRoles.Web.Domain.Backlog.Import;
using ProductRoles.Web.Features.ProductOwner.Import;

namespace ProductRoles.Bench;

/// <summary>
/// The Jira import at size: a generated export (the tests' generator) queued for the app's own background
/// runner, timed from queueing to done. Memory is sampled every 20 ms: the managed heap as the last
/// collection left it (what the import keeps alive; the figure), the heap with the garbage not yet
/// collected (server GC lets it grow by its allocation budget) and the process's working set.
/// </summary>
public static class ImportBench
{
    public sealed record Result(int Rows, int Created, double Seconds, double PeakHeapGrowthMb, double PeakHeapWithGarbageGrowthMb, double PeakWorkingSetGrowthMb, long FileBytes)
    {
        /// <summary>The process's CPU time during the run (all threads): steadier than rows per second on a shared machine.</summary>
        public double CpuSeconds { get; init; }

        /// <summary>SQL statements sent during the run (the runner's and the bench's progress polls included).</summary>
        public long Statements { get; init; }

        public double CpuMsPer1000Rows => CpuSeconds * 1000 / (Rows / 1000.0);

        public double StatementsPerBatch => Statements / Math.Ceiling(Rows / (double)ImportWriter.BatchSize);
    }

    public static async Task<Result> RunAsync(AppUnderTest app, int productId, AppUser owner, int rows, string project)
    {
        var store = app.Services.GetRequiredService<ImportFileStore>();
        var stored = $"bench-{Guid.NewGuid():N}.csv";
        var path = store.PathOf(stored);
        // Written straight into the import folder: a 100,000-row export is larger than an upload may be.
        await using (var file = File.Create(path))
        {
            new JiraExportGenerator(seed: rows, project: project).Write(file, rows);
        }

        var (format, scan) = ImportScanner.Scan(path, CancellationToken.None);
        var import = new BacklogImport
        {
            ProductId = productId, FileName = $"{project}.csv", StoredFileName = stored, FileSize = new FileInfo(path).Length, Format = format,
            State = ImportState.Uploaded, MappingJson = ImportMapping.Default(format, scan).ToJson(), ScanJson = ImportMapping.ScanToJson(scan),
            TotalRows = scan.Rows, CreatedById = owner.Id, CreatedByName = owner.DisplayName, CreatedAt = DateTime.UtcNow,
        };
        await app.WithDbAsync(async db =>
        {
            db.BacklogImports.Add(import);
            await db.SaveChangesAsync();
        });

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var liveBefore = GC.GetGCMemoryInfo().HeapSizeBytes;
        var peakLive = liveBefore;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        long peakHeap = heapBefore, peakWorkingSet = workingSetBefore;
        var cpuBefore = process.TotalProcessorTime;
        var statementsBefore = app.Statements.Count;
        app.Statements.Histogram?.Clear();
        var clock = Stopwatch.StartNew();
        await app.WithDbAsync(db => db.BacklogImports.Where(i => i.Id == import.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ImportState.Queued)));
        app.Services.GetRequiredService<BacklogImportQueue>().Notify();
        BacklogImport? done = null;
        while (done is null)
        {
            await Task.Delay(20);
            peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
            peakLive = Math.Max(peakLive, GC.GetGCMemoryInfo().HeapSizeBytes);
            process.Refresh();
            peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
            if (clock.ElapsedMilliseconds % 100 < 25)
            {
                done = await app.WithDbAsync(db => db.BacklogImports.IgnoreQueryFilters().AsNoTracking()
                    .FirstOrDefaultAsync(i => i.Id == import.Id && (i.State == ImportState.Completed || i.State == ImportState.Failed)));
            }
        }

        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var statements = app.Statements.Count - statementsBefore;
        File.Delete(path);
        foreach (var (sql, count) in app.Statements.Histogram?.OrderByDescending(h => h.Value).Take(15) ?? [])
        {
            Console.Error.WriteLine($"{count,8:N0}  {sql}");
        }

        if (done.State != ImportState.Completed)
        {
            throw new InvalidOperationException($"The benchmark import of {rows} rows failed: {done.Message}");
        }

        return new Result(rows, done.CreatedItems, clock.Elapsed.TotalSeconds, (peakLive - liveBefore) / 1024.0 / 1024.0, (peakHeap - heapBefore) / 1024.0 / 1024.0,
            (peakWorkingSet - workingSetBefore) / 1024.0 / 1024.0, import.FileSize)
        {
            CpuSeconds = cpu.TotalSeconds, Statements = statements,
        };
    }

    public static JsonObject ToJson(Result r) => new()
    {
        ["rows"] = r.Rows, ["items_created"] = r.Created, ["seconds"] = Math.Round(r.Seconds, 2), ["rows_per_second"] = Math.Round(r.Rows / r.Seconds),
        ["peak_heap_growth_mb"] = Math.Round(r.PeakHeapGrowthMb, 1), ["peak_heap_with_garbage_growth_mb"] = Math.Round(r.PeakHeapWithGarbageGrowthMb, 1), ["peak_working_set_growth_mb"] = Math.Round(r.PeakWorkingSetGrowthMb, 1),
        ["file_mb"] = Math.Round(r.FileBytes / 1024.0 / 1024.0, 1),
        ["cpu_ms_per_1000_rows"] = Math.Round(r.CpuMsPer1000Rows), ["sql_statements"] = r.Statements, ["sql_statements_per_batch"] = Math.Round(r.StatementsPerBatch, 1),
    };
}
