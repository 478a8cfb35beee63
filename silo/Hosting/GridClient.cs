using GridCommand.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace GridCommand.Silo.Hosting;

/// <summary>How a client-only web node joins the cluster: through the silos' gateways, found the same way the silos find each other.</summary>
public static class GridClient
{
    /// <summary>A grain call not answered within this fails (a web request gets a 503 to retry) instead of hanging.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan RetryConnectEvery = TimeSpan.FromSeconds(2);

    public static IClientBuilder ConfigureGridClient(this IClientBuilder client, ClusterSettings cluster, StorageSettings storage)
    {
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
        if (cluster.OnPostgres)
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", SqlDialect.WithDefaultPoolSize(cluster.MembershipConnectionString(storage))));
        else
            client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
        // The web node may start before the silos: keep trying until they are up (or the host stops).
        client.UseConnectionRetryFilter(async (_, ct) =>
        {
            await Task.Delay(RetryConnectEvery, ct);
            return true;
        });
        client.AddDashboard();
        client.Services.AddGridSerialization();
        return client;
    }
}
