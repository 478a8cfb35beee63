using Akka.Actor;
using GridCommand.Grains.Messages;
using GridCommand.Grains.Serialization;
using GridCommand.Grains.Storage;

namespace GridCommand.Grains.Actors;

/// <summary>
/// The thin shell every grain shares: loads its state row before handling anything (messages wait in
/// the stash), saves with optimistic concurrency, flushes throttled changes on a timer and on
/// passivation. Subclasses only map messages to rules.
/// </summary>
public abstract class GrainActor<TState> : ReceiveActor, IWithStash, IWithTimers where TState : class, new()
{
    private const string FlushTimer = "flush";
    private readonly string _kind;
    private long _version;
    private bool _dirty;

    protected GrainActor(GrainRuntime runtime, string kind)
    {
        Runtime = runtime;
        _kind = kind;
        Id = Uri.UnescapeDataString(Self.Path.Name);
        Receive<Loaded>(OnLoaded);
        Receive<Status.Failure>(f => throw new InvalidOperationException($"Could not load {kind}/{Id}", f.Cause));
        ReceiveAny(_ => Stash.Stash());
    }

    public IStash Stash { get; set; } = null!;
    public ITimerScheduler Timers { get; set; } = null!;

    protected GrainRuntime Runtime { get; }
    protected string Id { get; }
    protected TState State { get; private set; } = new();
    protected ActorSystem System => Context.System;

    protected override void PreStart() =>
        Runtime.Store.ReadAsync(_kind, Id).PipeTo(Self, success: row => new Loaded(row));

    /// <summary>Registers the grain's message handlers, once its state is loaded.</summary>
    protected abstract void Active();

    /// <summary>Called once the state is loaded, before any stashed message is handled.</summary>
    protected virtual void Activated() { }

    /// <summary>Saves now, and records the event in the log when one is given.</summary>
    protected async Task SaveAsync(GrainEvent? logged = null)
    {
        _version = await Runtime.Store.WriteAsync(_kind, Id, _version, GrainJson.Serialize(State));
        _dirty = false;
        if (logged is not null) await Runtime.Events.AppendAsync(logged);
    }

    /// <summary>
    /// Saves, runs <paramref name="afterSave"/> (telling others before the caller hears back), then replies;
    /// a failed save is answered as a conflict and restarts the grain from its stored state.
    /// </summary>
    protected async Task SaveThenReply(IActorRef replyTo, object reply, GrainEvent? logged = null, Action? afterSave = null)
    {
        try
        {
            await SaveAsync(logged);
        }
        catch (Exception e)
        {
            replyTo.Tell(new Rejected(RejectionCode.Conflict, $"Not saved, please retry: {e.Message}"));
            throw;
        }
        afterSave?.Invoke();
        replyTo.Tell(reply);
    }

    /// <summary>Saves within <paramref name="within"/>, folding every change until then into one write.</summary>
    protected void SaveSoon(TimeSpan within)
    {
        if (_dirty) return;
        _dirty = true;
        Timers.StartSingleTimer(FlushTimer, Flush.Instance, within);
    }

    protected GrainEvent Event(string what, string by, string? data = null) => new(Runtime.Now, by, what, _kind, Id, data);

    private void OnLoaded(Loaded loaded)
    {
        if (loaded.Row is not null)
        {
            State = GrainJson.Deserialize<TState>(loaded.Row.Payload);
            _version = loaded.Row.Version;
        }
        Become(() =>
        {
            ReceiveAsync<StopGrain>(async _ =>
            {
                if (_dirty) await SaveAsync();
                Context.Stop(Self);
            });
            ReceiveAsync<Flush>(async _ =>
            {
                if (_dirty) await SaveAsync();
            });
            Active();
        });
        Activated();
        Stash.UnstashAll();
    }

    private sealed record Loaded(StoredGrain? Row);

    private sealed record Flush
    {
        public static readonly Flush Instance = new();
    }
}
