using System.Net;
using GridCommand.Contracts;
using GridCommand.Grains;
using GridCommand.Grains.Coverage;
using GridCommand.Grains.Dispatch;
using GridCommand.Grains.Feed;
using GridCommand.Grains.Storage;
using GridCommand.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace GridCommand.Silo.Hosting;

/// <summary>How a GridCommand silo is put together: clustering, grain storage, membership timings, the dashboard and the grains' services.</summary>
public static class GridSilo
{
    /// <summary>How the silo finds the others: localhost, PostgreSQL membership, or Kubernetes; and where it listens.</summary>
    public static ISiloBuilder UseGridClustering(this ISiloBuilder silo, ClusterSettings cluster, StorageSettings storage)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
        if (cluster.Kubernetes)
        {
            silo.UseKubernetesHosting();
        }
        else if (cluster.OnPostgres)
        {
            silo.ConfigureEndpoints(Address(cluster.Hostname), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: !IsLoopback(cluster.Hostname));
        }
        else
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, null, cluster.ServiceId, cluster.ClusterId);
        }
        if (cluster.OnPostgres)
            silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", SqlDialect.WithDefaultPoolSize(cluster.MembershipConnectionString(storage))));
        return silo;
    }

    /// <summary>
    /// The grains and what they run on: the one grain storage provider on the grid's database, the schema made at
    /// start, the silo's change feed and position journal, membership timings and the dashboard. Needs the services
    /// of <see cref="GridHosting.AddGridServices"/>.
    /// </summary>
    public static ISiloBuilder AddGridGrains(this ISiloBuilder silo, IConfiguration config)
    {
        var cluster = config.GetSection("Cluster").Get<ClusterSettings>() ?? new ClusterSettings();
        var storage = config.GetSection("Storage").Get<StorageSettings>() ?? new StorageSettings();
        // Orleans' ADO.NET storage under a name of its own, behind the one the grains use, which stores every id as text.
        const string adoNetStorage = GrainKinds.Storage + ".adonet";
        silo.AddAdoNetGrainStorage(adoNetStorage, (AdoNetGrainStorageOptions o) =>
        {
            var dialect = SqlDialect.For(storage.Provider);
            o.Invariant = dialect.OrleansInvariant;
            o.ConnectionString = dialect == SqlDialect.Postgres ? SqlDialect.WithDefaultPoolSize(storage.ConnectionString) : storage.ConnectionString;
            o.GrainStorageSerializer = new JsonGrainStorageSerializer();
        });
        silo.Services.AddKeyedSingleton<Orleans.Storage.IGrainStorage>(GrainKinds.Storage,
            (sp, _) => new TextKeyGrainStorage(sp.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(adoNetStorage)));
        // The strongly consistent directory: with Orleans' default, eventually consistent one, a silo joining could leave
        // a grain with two activations that callers on different silos went on using (seen: the feed registry, so one
        // silo never sent to a web node that had registered with the other activation).
#pragma warning disable ORLEANSEXP003 // experimental in Orleans 10.4.2; every cluster test here runs on it
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        silo.Configure<ClusterMembershipOptions>(NoticeDeadSilosFast);
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = cluster.PassivateIdleAfter);
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = GridClient.ResponseTimeout);
        silo.AddDashboard();

        var services = silo.Services;
        services.AddGridSerialization();
        services.AddGrainRuntime(config);
        services.AddSingleton<SchemaSetup>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SchemaSetup>());
        services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<GridDatabase>().Events);
        services.AddSingleton(sp => new PositionJournal(sp.GetRequiredService<GridDatabase>().Positions,
            sp.GetRequiredService<GrainSettings>(), sp.GetRequiredService<ILogger<PositionJournal>>()));
        services.AddSingleton<IPositionJournal>(sp => sp.GetRequiredService<PositionJournal>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<PositionJournal>());
        services.AddTrackRecorder(config);
        services.AddSingleton<ICheckinStore>(sp => sp.GetRequiredService<GridDatabase>().Checkins);
        services.AddSingleton(sp => new ChangeFeed(sp.GetRequiredService<IGrainFactory>(), cluster.ChangeBatchInterval,
            sp.GetRequiredService<ILogger<ChangeFeed>>()));
        services.AddSingleton<IChangeFeed>(sp => sp.GetRequiredService<ChangeFeed>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ChangeFeed>());
        services.AddCoverageMailbox();
        services.AddSingleton<GridMetrics>();
        services.AddSingleton<GridServices>();
        services.AddSingleton<CellSearch>();
        return silo;
    }

    /// <summary>
    /// A silo that stops answering probes (killed, cut off) is declared dead in about five seconds instead of
    /// Orleans' default fifteen or so: two missed probes of two seconds each, voted by two silos. Its grains then
    /// come back on the others, so every acknowledged unit, incident and task answers again well within 30 s.
    /// A loaded 2-core machine still answers a probe within two seconds.
    /// </summary>
    private static void NoticeDeadSilosFast(ClusterMembershipOptions o)
    {
        o.ProbeTimeout = TimeSpan.FromSeconds(2);
        o.NumMissedProbesLimit = 2;
        o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        o.DefunctSiloExpiration = TimeSpan.FromDays(1);
    }

    private static IPAddress Address(string host) =>
        IPAddress.TryParse(host, out var ip) ? ip
        : Dns.GetHostAddresses(host).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);

    private static bool IsLoopback(string host) => IPAddress.IsLoopback(Address(host));
}
