using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using GridCommand.Grains.Messages;
using GridCommand.Grains.Units;

namespace GridCommand.Grains.Actors;

/// <summary>Everything the screens need to hear of, batched: at most one unit snapshot per unit per batch.</summary>
public sealed record CityChanges(IReadOnlyList<UnitSnapshot> Units, IReadOnlyList<IncidentView> Incidents) : IProtocolMessage;

/// <summary>
/// One per node. Grains on the node tell it their new snapshots; every interval it publishes what
/// changed as one <see cref="CityChanges"/> to the cluster topic, so the web bridges never see one
/// message per position.
/// </summary>
public sealed class ChangeFeed : ReceiveActor, IWithTimers
{
    private readonly Dictionary<string, UnitSnapshot> _units = new();
    private readonly Dictionary<string, IncidentView> _incidents = new();

    public ChangeFeed(TimeSpan interval)
    {
        var mediator = DistributedPubSub.Get(Context.System).Mediator;
        Receive<UnitSnapshot>(u =>
        {
            if (!_units.TryGetValue(u.UnitId, out var known) || known.Seq <= u.Seq) _units[u.UnitId] = u;
        });
        Receive<IncidentView>(i => _incidents[i.Id] = i);
        Receive<Tick>(_ =>
        {
            if (_units.Count == 0 && _incidents.Count == 0) return;
            mediator.Tell(new Publish(Topics.CityChanges, new CityChanges(_units.Values.ToList(), _incidents.Values.ToList())));
            _units.Clear();
            _incidents.Clear();
        });
        Interval = interval;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private TimeSpan Interval { get; }

    public static Props Props(TimeSpan interval) => Akka.Actor.Props.Create(() => new ChangeFeed(interval));

    protected override void PreStart() => Timers.StartPeriodicTimer("tick", Tick.Instance, Interval);

    private sealed record Tick
    {
        public static readonly Tick Instance = new();
    }
}

/// <summary>Subscribes to a cluster topic and hands every message to <paramref name="onMessage"/> (the web's SignalR bridges).</summary>
public sealed class TopicSubscriber : ReceiveActor
{
    public TopicSubscriber(string topic, Action<object> onMessage)
    {
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Subscribe(topic, Self));
        Receive<SubscribeAck>(_ => { });
        ReceiveAny(onMessage);
    }

    public static Props Props(string topic, Action<object> onMessage) => Akka.Actor.Props.Create(() => new TopicSubscriber(topic, onMessage));
}
