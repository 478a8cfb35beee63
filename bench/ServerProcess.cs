using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GridCommand.Bench;

/// <summary>
/// The server the benchmark starts when it is not given one: the web project built in Release and run as a process
/// of its own on a free loopback port, with a fresh database, the demo accounts and no simulator. At the end it is
/// killed (with anything it started) and its SQLite file removed.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly Process _process;
    private readonly string? _database;

    private ServerProcess(Process process, Uri url, string logPath, string? database)
    {
        _process = process;
        Url = url;
        LogPath = logPath;
        _database = database;
    }

    public Uri Url { get; }

    /// <summary>Where the server's own output goes.</summary>
    public string LogPath { get; }

    public static async Task<ServerProcess> StartAsync(BenchOptions options)
    {
        var root = RepositoryRoot();
        Console.WriteLine("building the server (Release)...");
        await RunToEnd("dotnet", ["build", Path.Combine(root, "web", "GridCommand.Web.csproj"), "-c", "Release", "--nologo", "-v", "q"]);
        var dll = Path.Combine(root, "web", "bin", "Release", "net10.0", "GridCommand.Web.dll");
        var ports = FreePorts(3);
        var database = options.ConnectionString is null ? Path.Combine(Path.GetTempPath(), $"gridcommand-bench-{Guid.NewGuid():N}.db") : null;
        var url = new Uri($"http://127.0.0.1:{ports[0]}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])[dll, $"--Urls={url}", "--Simulation:Enabled=false", "--Auth:DemoUsers=true",
                     $"--Storage:Provider={options.Storage}", $"--Storage:ConnectionString={options.ConnectionString ?? $"Data Source={database}"}",
                     $"--Cluster:SiloPort={ports[1]}", $"--Cluster:GatewayPort={ports[2]}", "--Serilog:MinimumLevel:Default=Warning"])
            start.ArgumentList.Add(arg);
        var logPath = Path.Combine(Path.GetTempPath(), $"gridcommand-bench-server-{ports[0]}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, url, logPath, database);
        try
        {
            await server.WaitUntilUp();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The server's resident memory, read from /proc.</summary>
    public long? RssBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (_database is not null)
            foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" }) File.Delete(file);
    }

    private async Task WaitUntilUp()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited ({_process.ExitCode}); see {LogPath}");
            try
            {
                if ((await http.GetAsync(new Uri(Url, "/health"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"The server did not come up within {StartTimeout}; see {LogPath}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GridCommand.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from the repository (GridCommand.slnx not found above it), or give --url.");
    }

    private static async Task RunToEnd(string file, string[] args)
    {
        var start = new ProcessStartInfo(file);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}).");
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
