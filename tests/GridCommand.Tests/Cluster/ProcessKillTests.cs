using System.Diagnostics;
using GridCommand.Tests.Storage;
using Xunit;
using Xunit.Abstractions;

namespace GridCommand.Tests.Cluster;

/// <summary>
/// Three headless silos as real processes (the silo project's own binary) on a fresh PostgreSQL database, started
/// the way the README starts a cluster on one machine: PostgreSQL storage and membership, 127.0.0.1, a port pair
/// each. The test talks to them as a client-only node would.
/// </summary>
public sealed class ThreeSiloProcesses : IAsyncLifetime
{
    private readonly PostgresTestDatabase db = new();
    private readonly List<Process> _silos = [];
    private readonly string _logs = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"gridcommand-silos-{Guid.NewGuid():N}")).FullName;

    public TestNode Client { get; private set; } = null!;

    public IReadOnlyList<Process> Silos => _silos;

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        for (var i = 0; i < 3; i++) _silos.Add(StartSilo(i));
        var ports = LoopbackPorts.Free(2);
        var client = TestNode.NodeSettings(db, ports[0], ports[1], postgresClustering: true);
        client["Cluster:Role"] = "client";
        Client = await TestNode.StartAsync(client);
        await Eventually.Until(async () => (await PostgresClusterFixture.ActiveSilos(Client)).Length == 3, TimeSpan.FromSeconds(60),
            $"three active silos (their output is in {_logs})");
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Client.DisposeAsync();
        }
        finally
        {
            foreach (var silo in _silos.Where(s => !s.HasExited)) silo.Kill(entireProcessTree: true);
            foreach (var silo in _silos) await silo.WaitForExitAsync();
            await db.DisposeAsync();
        }
    }

    private Process StartSilo(int n)
    {
        var ports = LoopbackPorts.Free(2);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "GridCommand.Silo.dll"),
                     "--Cluster:Provider=postgres", "--Cluster:Hostname=127.0.0.1", $"--Cluster:SiloPort={ports[0]}", $"--Cluster:GatewayPort={ports[1]}",
                     "--Storage:Provider=postgres", $"--Storage:ConnectionString={db.ConnectionString}",
                     "--Simulation:Enabled=false", "--Grains:PositionSaveInterval=00:00:02", $"--Dispatch:AcceptTimeout={CommandStream.AcceptTimeout}", "--Serilog:MinimumLevel:Default=Warning"])
            start.ArgumentList.Add(arg);
        var silo = Process.Start(start)!;
        var log = new StreamWriter(Path.Combine(_logs, $"silo-{n}.log")) { AutoFlush = true };
        silo.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        silo.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        silo.BeginOutputReadLine();
        silo.BeginErrorReadLine();
        return silo;
    }
}

public sealed class ProcessKillTests(ThreeSiloProcesses cluster, ITestOutputHelper output) : IClassFixture<ThreeSiloProcesses>
{
    [Fact]
    public async Task A_silo_process_killed_with_SIGKILL_under_load_loses_nothing_acknowledged_and_the_others_answer_within_30_s()
    {
        var stream = new CommandStream(cluster.Client.Grains);

        // Process.Kill is SIGKILL: no goodbye to the cluster, nothing flushed.
        output.WriteLine(await stream.SurvivesKill(() => Task.Run(() => cluster.Silos[1].Kill()), dispatchedFirst: 20));
        Assert.Equal(2, (await PostgresClusterFixture.ActiveSilos(cluster.Client)).Length);
    }
}
