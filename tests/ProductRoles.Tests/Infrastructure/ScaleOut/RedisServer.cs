using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ProductRoles.Tests.Infrastructure.ScaleOut;

/// <summary>
/// A real <c>redis-server</c> on loopback, on a free port, with nothing written to disk; stopped
/// (the process this fixture started, by its id) when the tests are done. Without redis-server the
/// Redis tests skip with <see cref="MissingReason"/>, except under CI=true, where that is a failure.
/// Shared with the browser tests (linked into that project).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string DefaultPath = "/usr/bin/redis-server";

    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>What <c>Redis:ConnectionString</c> is set to.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingReason =>
        $"no redis-server at REDIS_SERVER_PATH, {DefaultPath} or on PATH (install it with: apt-get install -y redis-server)";

    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("REDIS_SERVER_PATH");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        if (File.Exists(DefaultPath))
        {
            return DefaultPath;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "redis-server")).FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Starts one, or returns null with the reason when redis-server is missing (and throws under CI=true).
    /// </summary>
    public static async Task<(RedisServer? Server, string? SkipReason)> StartAsync()
    {
        var executable = Find();
        if (executable is null)
        {
            if (IsCi)
            {
                throw new InvalidOperationException("CI=true but " + MissingReason);
            }

            return (null, MissingReason);
        }

        // A free port can be taken by someone else between asking and binding: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                         "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes" })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new RedisServer(process, port);
            if (await server.AnswersPingAsync(TimeSpan.FromSeconds(20)))
            {
                return (server, null);
            }

            await server.DisposeAsync();
            if (attempt == 3)
            {
                lock (output)
                {
                    throw new InvalidOperationException($"redis-server did not answer on port {port}: {output}");
                }
            }
        }
    }

    /// <summary>PING over the wire until PONG, the process exits, or the time is up.</summary>
    private async Task<bool> AnswersPingAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
