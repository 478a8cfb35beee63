using GridCommand.Contracts;
using GridCommand.Contracts.Feed;
using GridCommand.Contracts.Cameras;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Lockdown;
using GridCommand.Contracts.Volunteers;
using GridCommand.Rules.Auth;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Units;
using Microsoft.Extensions.Logging;

namespace GridCommand.Grains.Feed;

/// <summary>
/// One per silo. Grains on the silo hand it their changes (a method call, no message per change); every
/// <paramref name="batchInterval"/> it sends what changed as one <see cref="CityChanges"/> to every listener
/// in the feed registry (one per web node), so no screen ever gets one message per position. Incidents and
/// tasks are rare and someone is waiting for them (a phone, a dispatcher's console): they go out at once,
/// with whatever positions have gathered.
/// </summary>
public sealed partial class ChangeFeed(IGrainFactory grains, TimeSpan batchInterval, ILogger<ChangeFeed> log)
    : IChangeFeed, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>How often the listeners are fetched again: a web node that just registered hears of changes within this.</summary>
    public static readonly TimeSpan RegistryRefresh = TimeSpan.FromSeconds(1);
    private readonly ChangeBatch _batch = new();
    private readonly SemaphoreSlim _urgent = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _sending = Task.CompletedTask;

    public void UnitChanged(UnitSnapshot unit) => _batch.Add(unit);

    public void CellChanged(CellLoad cell) => _batch.Add(cell);

    public void IncidentChanged(IncidentView incident)
    {
        _batch.Add(incident);
        SendSoon();
    }

    public void TaskOffered(TaskView task)
    {
        _batch.Add(task);
        SendSoon();
    }

    public void TaskWithdrawn(string unitId, string taskId)
    {
        _batch.Add(new TaskWithdrawal(unitId, taskId));
        SendSoon();
    }

    /// <summary>At once: a dispatcher and the wall follow a lockdown point by point.</summary>
    public void LockdownChanged(ActivationView lockdown)
    {
        _batch.Add(lockdown);
        SendSoon();
    }

    /// <summary>At once: the volunteers in range are waiting for it, or must see it taken.</summary>
    public void VolunteerOrderChanged(VolunteerOrderChange order)
    {
        _batch.Add(order);
        SendSoon();
    }

    /// <summary>At once: the wall flashes the camera while the officer looks.</summary>
    public void CameraAlarmed(CameraAlarmView alarm)
    {
        _batch.Add(alarm);
        SendSoon();
    }

    /// <summary>At once: a revoked token must stop working on every node now.</summary>
    public void TokensRevoked(Revocation revocation)
    {
        _batch.Add(revocation);
        SendSoon();
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ChangeFeed), ServiceLifecycleStage.Active, _ =>
        {
            _sending = Task.Run(SendBatches);
            return Task.CompletedTask;
        }, async _ =>
        {
            await _stop.CancelAsync();
            await _sending;
        });

    private async Task SendBatches()
    {
        var registry = grains.GetGrain<IFeedRegistryGrain>(CityKeys.City);
        IReadOnlyList<ICityFeedObserver> listeners = [];
        var fetched = DateTimeOffset.MinValue;
        var stopping = false;
        while (!stopping)
        {
            try
            {
                await _urgent.WaitAsync(batchInterval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                stopping = true; // one last batch, so the final changes still reach the screens
            }
            try
            {
                // With nobody listening yet (a silo starting), look at every tick rather than drop a second of changes.
                if (!stopping && (listeners.Count == 0 || DateTimeOffset.UtcNow - fetched > RegistryRefresh))
                {
                    listeners = await registry.Observers();
                    fetched = DateTimeOffset.UtcNow;
                }
                if (listeners.Count == 0 || _batch.Take() is not { } changes) continue;
                // One-way: a listener that has gone away costs nothing here; the registry forgets it soon.
                foreach (var listener in listeners) _ = listener.OnChanges(changes);
            }
            catch (Exception e)
            {
                if (!stopping) LogSendFailed(log, e);
            }
        }
    }

    /// <summary>Wakes the sender now (once, however many changes come before it runs).</summary>
    private void SendSoon()
    {
        try
        {
            _urgent.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the change batch; trying again next interval")]
    private static partial void LogSendFailed(ILogger logger, Exception e);
}
