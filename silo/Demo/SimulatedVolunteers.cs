using System.Collections.Concurrent;
using GridCommand.Contracts.Feed;
using GridCommand.Contracts.Volunteers;

namespace GridCommand.Silo.Demo;

/// <summary>
/// Plays the demo volunteers' side of a volunteer order: one of the simulated volunteers told of a new order claims it
/// after a few seconds (another may have been quicker: a 409 is what a real phone meets too). The task the claim gives
/// it is then played by <see cref="SimulatedCrews"/>: to the scene, arrived, done, and the order completes with it.
/// </summary>
public sealed class SimulatedVolunteers(IGrainFactory grains, IReadOnlySet<string> simulated, Random random) : ICityFeedObserver
{
    private readonly ConcurrentQueue<VolunteerOrderChange> _opened = new();
    private readonly List<(string OrderId, string UnitId, DateTimeOffset At)> _claims = [];

    public Task OnChanges(CityChanges changes)
    {
        foreach (var change in changes.VolunteerOrders ?? [])
            if (change.Order.IsOpen) _opened.Enqueue(change);
        return Task.CompletedTask;
    }

    /// <summary>Called on the simulator's tick: plans a claim for each new order, and makes the claims that are due.</summary>
    public void Tick(DateTimeOffset now)
    {
        while (_opened.TryDequeue(out var change))
        {
            var candidates = change.Notify.Where(simulated.Contains).ToList();
            if (candidates.Count > 0)
                _claims.Add((change.Order.Id, candidates[random.Next(candidates.Count)], now + TimeSpan.FromSeconds(random.Next(5, 20))));
        }
        foreach (var due in _claims.Where(c => c.At <= now).ToList())
        {
            _claims.Remove(due);
            _ = grains.GetGrain<IVolunteerOrderGrain>(due.OrderId).Claim(due.UnitId).ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }
    }
}
