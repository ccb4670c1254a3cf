using System.Text;
using CsvHelper;

namespace ProductRoles.Web.Features.ProductOwner.Import;

/// <summary>A file the import refuses, with the message the product owner sees beside the upload field.</summary>
public sealed class ImportFileRejectedException(string message) : Exception(message);

/// <summary>
/// Where uploaded files wait between the preview and the run: a folder on disk (<c>Import:Folder</c>,
/// by default App_Data/imports), each under a random name. Files are copied in as they arrive and
/// checked on the way (size, binary content, UTF-8), so a 200 MB or binary upload is refused without
/// being held in memory.
/// </summary>
public sealed class ImportFileStore(IConfiguration configuration, IWebHostEnvironment environment)
{
    public const long DefaultMaxMegabytes = 50;

    public long MaxBytes => configuration.GetValue("Import:MaxFileMegabytes", DefaultMaxMegabytes) * 1024 * 1024;

    public string MaxText => $"{MaxBytes / (1024 * 1024)} MB";

    public string Folder
    {
        get
        {
            var folder = configuration["Import:Folder"];
            folder = string.IsNullOrWhiteSpace(folder) ? Path.Combine(environment.ContentRootPath, "App_Data", "imports")
                : Path.GetFullPath(folder, environment.ContentRootPath);
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public string PathOf(string storedFileName) => Path.Combine(Folder, Path.GetFileName(storedFileName));

    public void Delete(string storedFileName)
    {
        var path = PathOf(storedFileName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Copies the upload to the folder and returns its stored name and size; refuses a file that is too large, binary or not UTF-8.</summary>
    public async Task<(string StoredFileName, long Size)> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        var stored = $"{Guid.NewGuid():N}.csv";
        var path = PathOf(stored);
        try
        {
            var size = await CopyCheckedAsync(content, path, cancellationToken);
            return (stored, size);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private async Task<long> CopyCheckedAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[81920];
        var chars = new char[buffer.Length + 4];
        long size = 0;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (size + read > MaxBytes)
            {
                throw new ImportFileRejectedException(TooLarge(MaxText));
            }

            if (size == 0 && read >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)))
            {
                throw new ImportFileRejectedException(
                    "The file is UTF-16 text. Export or save it again as UTF-8 (in a spreadsheet: \"CSV UTF-8\"), then upload it.");
            }

            if (buffer.AsSpan(0, read).IndexOf((byte)0) >= 0)
            {
                throw new ImportFileRejectedException("This is not a CSV file: it holds binary data. Upload the CSV file Jira or ProductRoles exported.");
            }

            try
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                throw new ImportFileRejectedException(
                    $"The file is not UTF-8 text (near byte {size + Math.Max(0, read - 1):N0}). Export it again as UTF-8 (in a spreadsheet: \"CSV UTF-8\"), then upload it.");
            }

            size += read;


            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        try
        {
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFileRejectedException("The file is not UTF-8 text: it ends in the middle of a character. Export it again as UTF-8.");
        }

        return size;
    }

    public static string TooLarge(string max) =>
        $"The file is larger than {max}, the most one import takes. Export fewer issues per file (for example by project or by year) and import each.";
}

/// <summary>
/// Reads an import file row by row with CsvHelper, streamed from disk: a UTF-8 BOM, quoted multi-line
/// cells and repeated column names as Jira writes them.
/// </summary>
public sealed class ImportFileReader : IDisposable
{
    /// <summary>A record (a row with its multi-line cells) larger than this is refused, not grown into memory.</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    private readonly CsvReader _reader;

    private ImportFileReader(CsvReader reader, IReadOnlyList<string> headers)
    {
        _reader = reader;
        Headers = headers;
    }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>Bytes read so far, for progress.</summary>
    public long ByteOffset => _reader.ByteOffset;

    public static ImportFileReader Open(string path)
    {
        var separator = SniffSeparator(path);
        var options = CsvReaderOptions.Default with
        {
            Separator = separator,
            HasHeader = true,
            MaxRecordSize = MaxRecordBytes,
            DetectSeparatorHint = false,
        };
        var reader = CsvReader.FromFile(path, options);
        try
        {
            reader.ReadHeader();
            var headers = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
            return new ImportFileReader(reader, headers);
        }
        catch (CsvFormatException ex)
        {
            reader.Dispose();
            throw new ImportFileRejectedException($"The file's header row cannot be read as CSV: {ex.Message}");
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The data rows, numbered from 1 (the header is row 0), each as its fields.</summary>
    public IEnumerable<(int Row, string[] Fields)> Rows()
    {
        var row = 0;
        while (true)
        {
            try
            {
                if (!_reader.Read())
                {
                    yield break;
                }
            }
            catch (CsvFormatException ex)
            {
                throw new ImportFileRejectedException($"Row {row + 1:N0} cannot be read as CSV: {ex.Message}");
            }

            row++;
            var fields = new string[_reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = _reader.GetString(i);
            }

            yield return (row, fields);
        }
    }

    public void Dispose() => _reader.Dispose();

    // The header row decides: Jira and our export write commas, a European spreadsheet semicolons. Only the
    // first line is looked at, outside quotes, so the semicolons of Jira's comment cells cannot mislead it.
    private static char SniffSeparator(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> start = stackalloc byte[8192];
        var length = stream.Read(start);
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var b in start[..length])
        {
            if (b == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && b is (byte)'\n' or (byte)'\r')
            {
                break;
            }
            else if (!quoted)
            {
                commas += b == ',' ? 1 : 0;
                semicolons += b == ';' ? 1 : 0;
                tabs += b == '\t' ? 1 : 0;
            }
        }

        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas ? '\t' : ',';
    }
}
