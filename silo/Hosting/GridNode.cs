using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using GridCommand.Grains.Actors;
using GridCommand.Grains.Messages;
using GridCommand.Silo.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GridCommand.Silo.Hosting;

/// <summary>
/// The cluster node: owns the actor system and the grain storage, starts the shard regions (or
/// proxies on a proxy-only node), leaves the cluster gracefully when the host stops, and stops the
/// host if the actor system dies under it.
/// </summary>
public sealed class GridNode(
    IOptions<ClusterOptions> clusterOptions,
    GrainStorage storage,
    GrainRuntime runtime,
    IHostApplicationLifetime lifetime,
    ILogger<GridNode> log) : IHostedService
{
    private static readonly TimeSpan DefaultAskTimeout = TimeSpan.FromSeconds(10);
    private ActorSystem? _system;
    private volatile bool _leaving;

    public ActorSystem System => _system ?? throw new InvalidOperationException("The grid node has not started.");

    public IActorRef Units => System.Region(GrainKinds.Unit);
    public IActorRef Cells => System.Region(GrainKinds.Cell);
    public IActorRef Stations => System.Region(GrainKinds.Station);
    public IActorRef Incidents => System.Region(GrainKinds.Incident);

    public GrainRuntime Runtime => runtime;

    /// <summary>Asks a grain and returns its reply: the expected type or a <see cref="Rejected"/>.</summary>
    public Task<object> Ask(IActorRef region, IGrainMessage message, TimeSpan? timeout = null) =>
        region.Ask<object>(message, timeout ?? DefaultAskTimeout);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = clusterOptions.Value;
        await storage.EnsureSchemaAsync(cancellationToken);
        _system = ActorSystem.Create(o.SystemName, ClusterHocon.Build(o));
        runtime.ChangeFeed = _system.ActorOf(ChangeFeed.Props(o.ChangeBatchInterval), "change-feed");
        StartRegion(o, GrainKinds.Unit, UnitGrain.Props(runtime));
        StartRegion(o, GrainKinds.Cell, CellGrain.Props(runtime));
        StartRegion(o, GrainKinds.Station, StationGrain.Props(runtime));
        StartRegion(o, GrainKinds.Incident, IncidentGrain.Props(runtime));

        var cluster = Cluster.Get(_system);
        if (o.SeedNodes.Count == 0) await cluster.JoinAsync(cluster.SelfAddress, cancellationToken);
        else await cluster.JoinSeedNodesAsync(o.SeedNodes.Select(Address.Parse), cancellationToken);
        log.LogInformation("Grid node {Address} is up (roles: {Roles}, hosts shards: {HostShards})",
            cluster.SelfAddress, string.Join(",", cluster.SelfRoles), o.HostShards);

        _ = _system.WhenTerminated.ContinueWith(_ =>
        {
            if (_leaving) return; // our own graceful leave, not a failure
            log.LogWarning("The actor system terminated: stopping the host");
            lifetime.StopApplication();
        }, TaskScheduler.Default);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_system is null) return;
        _leaving = true;
        log.LogInformation("Leaving the cluster");
        await CoordinatedShutdown.Get(_system).Run(CoordinatedShutdown.ClrExitReason.Instance);
    }

    private void StartRegion(ClusterOptions o, string kind, Props props)
    {
        var sharding = ClusterSharding.Get(System);
        var extractor = new GrainMessageExtractor(o.Shards);
        if (o.HostShards)
        {
            var settings = ClusterShardingSettings.Create(System);
            sharding.Start(kind, props, settings, extractor, sharding.DefaultShardAllocationStrategy(settings), StopGrain.Instance);
        }
        else
        {
            sharding.StartProxy(kind, ClusterHocon.ShardRole, extractor);
        }
    }
}
