using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using GridCommand.Grains.Messages;
using GridCommand.Silo.Hosting;
using GridCommand.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace GridCommand.Tests.Cluster;

/// <summary>
/// A real grid node started the way production starts one: a generic host with
/// <see cref="GridNodeServices.AddGridNode"/> over configuration (in memory here), listening on
/// 127.0.0.1. <see cref="StopAsync"/> stops the host, so the node leaves the cluster gracefully
/// (grains hand off and flush); disposing stops it if still running.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly IHost host;
    private readonly WarningLog warnings;
    private bool stopped;

    private TestNode(IHost host, WarningLog warnings)
    {
        this.host = host;
        this.warnings = warnings;
        Node = host.Services.GetRequiredService<GridNode>();
    }

    public GridNode Node { get; }

    /// <summary>Warnings and errors the node logged through the host's logging, as "category: message".</summary>
    public IReadOnlyList<string> Warnings => warnings.Entries.ToList();

    public Address Address => Akka.Cluster.Cluster.Get(Node.System).SelfAddress;

    /// <summary>Fires when the host begins to stop, for whatever reason.</summary>
    public CancellationToken Stopping => host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

    /// <summary>
    /// The configuration a test node starts from: simulation off, and positions and cell rosters saved
    /// only after an hour, so within a test only passivation or hand-off can have saved them.
    /// </summary>
    public static Dictionary<string, string?> Settings(TestDatabase db, int port = 0, Address? seed = null, bool hostShards = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cluster:Hostname"] = "127.0.0.1",
            ["Cluster:Port"] = port.ToString(),
            ["Cluster:HostShards"] = hostShards.ToString(),
            ["Storage:Provider"] = db.Provider,
            ["Storage:ConnectionString"] = db.ConnectionString,
            ["Simulation:Enabled"] = "false",
            ["Grains:StaleAfter"] = "00:02:00",
            ["Grains:PositionSaveInterval"] = "01:00:00",
            ["Grains:CellSaveInterval"] = "01:00:00",
        };
        if (seed is not null) settings["Cluster:SeedNodes:0"] = seed.ToString();
        return settings;
    }

    public static async Task<TestNode> StartAsync(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.Sources.Clear(); // no appsettings.json from the test's bin folder, no environment
        builder.Configuration.AddInMemoryCollection(settings);
        var warnings = new WarningLog();
        builder.Logging.ClearProviders().AddConsole().AddProvider(warnings).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGridNode(builder.Configuration);
        var host = builder.Build();
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            await host.StartAsync(timeout.Token);
        }
        catch
        {
            await DisposeHostAsync(host);
            throw;
        }
        return new TestNode(host, warnings);
    }

    public static Task<TestNode> StartAsync(TestDatabase db) => StartAsync(Settings(db));

    /// <summary>Asks a grain and expects a reply of type <typeparamref name="T"/> (not a <see cref="Rejected"/>).</summary>
    public async Task<T> Ask<T>(IActorRef region, IGrainMessage message)
    {
        var reply = await Node.Ask(region, message);
        return reply is T expected
            ? expected
            : throw new Xunit.Sdk.XunitException($"{message} was answered {reply}, not a {typeof(T).Name}");
    }

    /// <summary>Stops the host: CoordinatedShutdown leaves the cluster and hands off every shard.</summary>
    public async Task StopAsync()
    {
        if (stopped) return;
        stopped = true;
        await host.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            await DisposeHostAsync(host);
        }
    }

    // GrainStorage is only IAsyncDisposable: the container must be disposed asynchronously.
    private static async Task DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable async) await async.DisposeAsync();
        else host.Dispose();
    }

    /// <summary>Free TCP ports on 127.0.0.1, found by binding port 0 (all held at once so they differ).</summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}

/// <summary>Collects what a node logs at warning level and above.</summary>
internal sealed class WarningLog : ILoggerProvider
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(WarningLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.Entries.Enqueue($"{category}: {formatter(state, exception)}");
        }
    }
}

/// <summary>One running node on a fresh SQLite file, shared by the tests of a class; removed afterwards.</summary>
public sealed class SingleNodeFixture : IAsyncLifetime
{
    private readonly SqliteTestDatabase db = new();

    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        Node = await TestNode.StartAsync(db);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Node.DisposeAsync();
        }
        finally
        {
            await db.DisposeAsync();
        }
    }
}
