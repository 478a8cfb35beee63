using System.Collections.Concurrent;
using GridCommand.Contracts;
using GridCommand.Contracts.Feed;
using GridCommand.Contracts.Lockdown;
using GridCommand.Grains;
using GridCommand.Grains.Dispatch;
using Microsoft.AspNetCore.SignalR;

namespace GridCommand.Web.Live;

/// <summary>
/// The lockdown activations not stood down, for the walls' snapshots, kept current by the change batches; each change
/// goes to the walls as a "lockdown" message (to wall screens without the crews' names). Loaded at start from the
/// catalogue, which also wakes each activation so its rounds go on after a restart.
/// </summary>
public sealed partial class LiveLockdowns(IGrainFactory grains, IHubContext<WallHub> wall, ILogger<LiveLockdowns> log) : BackgroundService
{
    private static readonly TimeSpan RetryLoadAfter = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, ActivationView> _active = new();

    public IReadOnlyCollection<ActivationView> Active => (IReadOnlyCollection<ActivationView>)_active.Values;

    /// <summary>From <see cref="CityFeedReceiver"/>: the batch's activations into the picture and out to the walls.</summary>
    public void OnChanges(CityChanges changes)
    {
        foreach (var lockdown in changes.Lockdowns ?? [])
        {
            if (!Apply(lockdown)) continue;
            _ = wall.Clients.Group(WallHub.StaffGroup).SendAsync("lockdown", lockdown);
            _ = wall.Clients.Group(WallHub.ScreensGroup).SendAsync("lockdown", LockdownViews.ForScreens(lockdown));
        }
    }

    /// <returns>false for a view older than the one known</returns>
    private bool Apply(ActivationView lockdown)
    {
        if (_active.TryGetValue(lockdown.Id, out var known) && known.Seq > lockdown.Seq) return false;
        if (lockdown.Active) _active[lockdown.Id] = lockdown;
        else _active.TryRemove(lockdown.Id, out _);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        await StartupWork.UntilDone(async () =>
        {
            var ids = await grains.GetGrain<ILockdownCatalogueGrain>(CityKeys.City).ActiveActivations();
            foreach (var view in await Task.WhenAll(ids.Select(id => NoAnswer.OrDefault(grains.GetGrain<ILockdownActivationGrain>(id).Get()))))
                if (view is not null) Apply(view);
        }, RetryLoadAfter, _ => !stop.IsCancellationRequested, e => LogNotLoaded(log, RetryLoadAfter.TotalSeconds, e), stop);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not load the active lockdowns yet; trying again in {Seconds} s")]
    private static partial void LogNotLoaded(ILogger logger, double seconds, Exception e);
}
