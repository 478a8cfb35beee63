using System.Collections.Concurrent;
using GridCommand.Contracts.Feed;
using GridCommand.Contracts.Incidents;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Lockdown;

namespace GridCommand.Silo.Demo;

/// <summary>
/// Plays the phones of the demo units: a task is accepted after a few seconds (now and then declined),
/// the unit drives to the scene, reports arrival, and completes after a while on scene (a lockdown point it holds
/// until stand-down). Units listed in
/// Only the simulated units (not Simulation:ManualUnits, left to a person). Hears of tasks as a web node does, from the feed.
/// </summary>
public sealed class SimulatedCrews(IGrainFactory grains, IReadOnlyDictionary<string, Movement> movers, Random random)
    : ICityFeedObserver
{
    private const double DeclineChance = 0.05;
    private readonly ConcurrentQueue<CityChanges> _notices = new();
    private readonly Dictionary<string, Crew> _crews = new();

    public Task OnChanges(CityChanges changes)
    {
        if (changes.TasksOffered.Count > 0 || changes.TasksWithdrawn.Count > 0) _notices.Enqueue(changes);
        return Task.CompletedTask;
    }

    /// <summary>Called on the simulator's tick: takes new notices, then moves each crew's task on.</summary>
    public void Tick(DateTimeOffset now)
    {
        while (_notices.TryDequeue(out var notice))
        {
            foreach (var offered in notice.TasksOffered.Where(o => movers.ContainsKey(o.UnitId)))
                _crews[offered.UnitId] = new Crew(offered, now + TimeSpan.FromSeconds(random.Next(3, 12)), TimeSpan.FromSeconds(random.Next(30, 120)));
            foreach (var withdrawn in notice.TasksWithdrawn)
                if (_crews.TryGetValue(withdrawn.UnitId, out var crew) && crew.Task.TaskId == withdrawn.TaskId) Release(withdrawn.UnitId);
        }
        foreach (var (unitId, crew) in _crews.ToList())
        {
            var motion = movers[unitId];
            var scene = new GeoPoint(crew.Task.Lat, crew.Task.Lon);
            if (!crew.Accepted && now >= crew.AnswerAt)
            {
                if (crew.Task.Status == Rules.Incidents.TaskStatus.Assigned && random.NextDouble() < DeclineChance) // a volunteer's claimed task is accepted already
                {
                    Answer(crew, TaskAnswer.Decline, "正在处置其他事务");
                    Release(unitId);
                    continue;
                }
                Answer(crew, TaskAnswer.Accept, null);
                crew.Accepted = true;
                motion.Destination = scene;
            }
            else if (crew.Accepted && crew.ArrivedAt is null && motion.Position == scene)
            {
                Answer(crew, TaskAnswer.Arrive, null);
                crew.ArrivedAt = now;
            }
            else if (!LockdownTasks.IsLockdown(crew.Task.Type) && crew.ArrivedAt + crew.OnSceneFor <= now) // a lockdown point is held until stand-down
            {
                Answer(crew, TaskAnswer.Complete, "现场已处置");
                Release(unitId);
            }
        }
    }

    private void Release(string unitId)
    {
        _crews.Remove(unitId);
        movers[unitId].Destination = null;
    }

    // A refused or lost answer is what a real phone meets too: the crew just carries on.
    private void Answer(Crew crew, TaskAnswer answer, string? remark) =>
        _ = grains.TaskOwner(crew.Task.TaskId)?.Answer(crew.Task.TaskId, crew.Task.UnitId, answer, remark)
            .ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);

    private sealed class Crew(TaskView task, DateTimeOffset answerAt, TimeSpan onSceneFor)
    {
        public TaskView Task { get; } = task;
        public DateTimeOffset AnswerAt { get; } = answerAt;
        public TimeSpan OnSceneFor { get; } = onSceneFor;
        public bool Accepted { get; set; }
        public DateTimeOffset? ArrivedAt { get; set; }
    }
}
