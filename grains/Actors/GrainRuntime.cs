using Akka.Actor;
using Akka.Cluster.Sharding;
using GridCommand.Grains.Dispatch;
using GridCommand.Grains.Geo;
using GridCommand.Grains.Storage;

namespace GridCommand.Grains.Actors;

/// <summary>Tunable timings of the grains.</summary>
public sealed record GrainSettings
{
    /// <summary>A unit whose last fix is older than this is stale.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>Positions are saved at most this often per unit (and on passivation); status changes at once.</summary>
    public TimeSpan PositionSaveInterval { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Cell rosters are derived from the units; saved at most this often per cell.</summary>
    public TimeSpan CellSaveInterval { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan StaleCheckInterval { get; init; } = TimeSpan.FromSeconds(15);
}

/// <summary>What every grain on a node shares: storage, the event log, the city layout, timings, the clock and the node's change feed.</summary>
public sealed class GrainRuntime(
    IGrainStateStore store, IEventLog events, CityGrid grid, GrainSettings settings, DispatchSettings dispatch, IEtaEstimator eta, TimeProvider clock)
{
    public DispatchSettings Dispatch { get; } = dispatch;
    public Recommender Recommender { get; } = new(eta, settings.StaleAfter);
    public IGrainStateStore Store { get; } = store;
    public IEventLog Events { get; } = events;
    public CityGrid Grid { get; } = grid;
    public GrainSettings Settings { get; } = settings;
    public TimeProvider Clock { get; } = clock;

    /// <summary>The node-local <see cref="ChangeFeed"/>; set when the node starts.</summary>
    public IActorRef ChangeFeed { get; set; } = ActorRefs.Nobody;

    public DateTimeOffset Now => Clock.GetUtcNow();
}

/// <summary>The cluster-wide publish/subscribe topics.</summary>
public static class Topics
{
    /// <summary>Batched <see cref="CityChanges"/> for the screens.</summary>
    public const string CityChanges = "city-changes";
    /// <summary><see cref="Messages.TaskOffered"/> and <see cref="Messages.TaskWithdrawn"/> for the units' phones.</summary>
    public const string FieldTasks = "field-tasks";
}

/// <summary>The shard region type names: also the grain kinds in the state store.</summary>
public static class GrainKinds
{
    public const string Unit = "unit";
    public const string Cell = "cell";
    public const string Station = "station";
    public const string Incident = "incident";

    public static IActorRef Region(this ActorSystem system, string kind) => ClusterSharding.Get(system).ShardRegion(kind);
}
