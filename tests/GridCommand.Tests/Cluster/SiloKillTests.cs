using GridCommand.Silo.Hosting;
using GridCommand.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using Xunit;
using Xunit.Abstractions;

namespace GridCommand.Tests.Cluster;

/// <summary>
/// Three silos of Orleans' TestingHost, in this process, with the grid's grains and storage on a fresh PostgreSQL
/// database. One of them is killed (no graceful stop) in the middle of a stream of commands.
/// </summary>
public sealed class ThreeSiloCluster : IAsyncLifetime
{
    private readonly PostgresTestDatabase db = new();

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        var builder = new TestClusterBuilder(3);
        builder.Properties["Storage:Provider"] = "postgres";
        builder.Properties["Storage:ConnectionString"] = db.ConnectionString;
        builder.Properties["Grains:PositionSaveInterval"] = "00:00:02";
        builder.Properties["Dispatch:AcceptTimeout"] = CommandStream.AcceptTimeout;
        builder.AddSiloBuilderConfigurator<GridSilos>();
        builder.AddClientBuilderConfigurator<GridClients>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await db.DisposeAsync();
    }

    /// <summary>The grid on each test silo: our grains, storage and services; the test cluster's own membership.</summary>
    public sealed class GridSilos : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddGridServices(silo.Configuration);
            silo.AddGridGrains(silo.Configuration);
        }
    }

    /// <summary>The client speaks the rules' JSON, gives up on a call as a web node does, and uses the silos' fast membership timings.</summary>
    public sealed class GridClients : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder client)
        {
            client.Services.AddGridSerialization();
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = GridClient.ResponseTimeout);
            client.Configure<ClusterMembershipOptions>(o => (o.ProbeTimeout, o.NumMissedProbesLimit) = (TimeSpan.FromSeconds(2), 2));
        }
    }
}

public sealed class SiloKillTests(ThreeSiloCluster fixture, ITestOutputHelper output) : IClassFixture<ThreeSiloCluster>
{
    [Fact]
    public async Task A_silo_killed_under_load_loses_no_acknowledged_command_and_the_others_answer_for_all_within_30_s()
    {
        var stream = new CommandStream(fixture.Cluster.Client);

        output.WriteLine(await stream.SurvivesKill(() => fixture.Cluster.KillSiloAsync(fixture.Cluster.SecondarySilos[0]), dispatchedFirst: 10));
    }
}
