using GridCommand.Grains;
using GridCommand.Rules.Geo;
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
/// <see cref="GridHosting.AddGridNode"/> over configuration (in memory here), listening on 127.0.0.1.
/// <see cref="StopAsync"/> stops the host, so the silo leaves the cluster gracefully (grains deactivate and save,
/// the position journal saves); disposing stops it if still running.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly IHost host;
    private readonly WarningLog warnings;
    private bool stopped;

    private TestNode(IHost host, WarningLog warnings)
    {
        this.host = host;
        this.warnings = warnings;
    }

    public IServiceProvider Services => host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public CityGrid Grid => Services.GetRequiredService<CityGrid>();

    public GrainSettings Settings => Services.GetRequiredService<GrainSettings>();

    /// <summary>Warnings and errors the node logged through the host's logging, as "category: message".</summary>
    public IReadOnlyList<string> Warnings => warnings.Entries.ToList();

    /// <summary>
    /// The configuration a test node starts from: simulation off, and cell rosters and positions saved only after
    /// an hour, so within a test only a stop (or the journal at the silo's stop) can have saved them.
    /// </summary>
    public static Dictionary<string, string?> NodeSettings(TestDatabase db, int siloPort, int gatewayPort, bool postgresClustering = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cluster:Provider"] = postgresClustering ? "postgres" : "localhost",
            ["Cluster:Hostname"] = "127.0.0.1",
            ["Cluster:SiloPort"] = siloPort.ToString(),
            ["Cluster:GatewayPort"] = gatewayPort.ToString(),
            ["Storage:Provider"] = db.Provider,
            ["Storage:ConnectionString"] = db.ConnectionString,
            ["Simulation:Enabled"] = "false",
            ["Grains:StaleAfter"] = "00:02:00",
            ["Grains:PositionSaveInterval"] = "01:00:00",
            ["Grains:CellSaveInterval"] = "01:00:00",
        };
        return settings;
    }

    /// <param name="services">changes to the node's services after the grid's own, e.g. another default placement</param>
    public static async Task<TestNode> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.Sources.Clear(); // no appsettings.json from the test's bin folder, no environment
        builder.Configuration.AddInMemoryCollection(settings);
        var warnings = new WarningLog();
        builder.Logging.ClearProviders().AddConsole().AddProvider(warnings).SetMinimumLevel(LogLevel.Warning);
        builder.AddGridNode();
        services?.Invoke(builder.Services);
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

    public static Task<TestNode> StartAsync(TestDatabase db)
    {
        var ports = LoopbackPorts.Free(2);
        return StartAsync(NodeSettings(db, ports[0], ports[1]));
    }

    /// <summary>Stops the host: the silo leaves the cluster, its grains deactivate and its journal saves.</summary>
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

    // The grid database is only IAsyncDisposable: the container must be disposed asynchronously.
    private static async Task DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable async) await async.DisposeAsync();
        else host.Dispose();
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
