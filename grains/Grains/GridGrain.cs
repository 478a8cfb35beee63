using GridCommand.Contracts;
using GridCommand.Grains.Feed;
using GridCommand.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace GridCommand.Grains;

/// <summary>
/// What the stateful grains share: their state through the storage provider, saving with an entry in the
/// event log, saving soon (folding many changes into one write), and a save before deactivation.
/// </summary>
public abstract partial class GridGrain<TState>(IPersistentState<TState> state, GridServices services, string kind) : Grain
    where TState : class, new()
{
    private IGrainTimer? _saveSoon;

    protected TState State => state.State;

    protected string Id => this.GetPrimaryKeyString();

    protected GridRuntime Runtime => services.Runtime;

    protected IGrainFactory Grains => GrainFactory;

    /// <summary>This silo's change feed: the screens and phones hear of what changed from it.</summary>
    protected IChangeFeed Feed => services.Feed;

    protected GridMetrics Metrics => services.Metrics;

    /// <summary>
    /// Saves now and appends <paramref name="what"/> to the event log. A failed save is answered with
    /// <see cref="NotSavedException"/> and the grain deactivates, so the next call starts from the stored state.
    /// </summary>
    protected async Task Save(string? what = null, string by = "system", string? data = null)
    {
        _saveSoon?.Dispose();
        _saveSoon = null;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            LogNotSaved(services.Log, kind, Id, e);
            DeactivateOnIdle();
            throw new NotSavedException($"{kind} {Id}");
        }
        if (what is not null) await services.Events.AppendAsync(new GrainEvent(Runtime.Now, by, what, kind, Id, data));
    }

    /// <summary>Saves now and appends one entry to the event log for each of <paramref name="entries"/> (a round of changes at once).</summary>
    protected async Task Save(IReadOnlyList<(string What, string? Data)> entries, string by)
    {
        await Save();
        foreach (var (what, data) in entries) await services.Events.AppendAsync(new GrainEvent(Runtime.Now, by, what, kind, Id, data));
    }

    /// <summary>Saves within <paramref name="within"/>, folding every change until then into one write (for derived state).</summary>
    protected void SaveSoon(TimeSpan within) =>
        _saveSoon ??= this.RegisterGrainTimer(() => Save(), new GrainTimerCreationOptions(within, Timeout.InfiniteTimeSpan) { KeepAlive = true });

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_saveSoon is not null) await Save();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save {Kind} {Id}; it restarts from its stored state")]
    private static partial void LogNotSaved(ILogger logger, string kind, string id, Exception e);
}
