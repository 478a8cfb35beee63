using GridCommand.Rules.Geo;
using GridCommand.Silo.Hosting;
using GridCommand.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using Xunit;

namespace GridCommand.Tests.Cluster;

/// <summary>
/// Silos of Orleans' TestingHost in this process, with the grid's grains, services and storage on a fresh database,
/// and the test cluster's own membership; a client talks to them as a web node does.
/// </summary>
public abstract class GridTestCluster(int silos, TestDatabase database, params (string Key, string Value)[] settings) : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The city's cells as the silos have them.</summary>
    public CityGrid Grid => Cluster.GetSiloServiceProvider().GetRequiredService<CityGrid>();

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        var builder = new TestClusterBuilder((short)silos);
        builder.Properties["Storage:Provider"] = database.Provider;
        builder.Properties["Storage:ConnectionString"] = database.ConnectionString;
        foreach (var (key, value) in settings) builder.Properties[key] = value;
        builder.AddSiloBuilderConfigurator<GridSilos>();
        builder.AddClientBuilderConfigurator<GridClients>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <summary>The grid on each test silo: our grains, storage and services.</summary>
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

/// <summary>One TestingHost silo on SQLite: the grains as a client sees them.</summary>
public sealed class OneSiloCluster() : GridTestCluster(1, new SqliteTestDatabase());
