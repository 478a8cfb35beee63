using System.Collections.Concurrent;
using GridCommand.Grains.Actors;
using GridCommand.Grains.Geo;
using GridCommand.Grains.Incidents;
using GridCommand.Grains.Messages;
using GridCommand.Silo.Hosting;

namespace GridCommand.Silo.Demo;

/// <summary>
/// Plays the phones of the demo units: a task is accepted after a few seconds (now and then declined),
/// the unit drives to the scene, reports arrival, and completes after a while on scene. Units listed in
/// Simulation:ManualUnits are left to a person on the field page.
/// </summary>
public sealed class SimulatedCrews(GridNode node, IReadOnlyDictionary<string, Movement> movers, ISet<string> manualUnits, Random random)
{
    private const double DeclineChance = 0.05;
    private readonly ConcurrentQueue<object> _notices = new();
    private readonly Dictionary<string, Crew> _crews = new();

    public void Start() => node.System.ActorOf(TopicSubscriber.Props(Topics.FieldTasks, _notices.Enqueue), "simulated-crews");

    /// <summary>Called on the simulator's tick: takes new notices, then moves each crew's task on.</summary>
    public void Tick(DateTimeOffset now)
    {
        while (_notices.TryDequeue(out var notice))
        {
            if (notice is TaskOffered o && movers.ContainsKey(o.UnitId) && !manualUnits.Contains(o.UnitId))
                _crews[o.UnitId] = new Crew(o.Task, now + TimeSpan.FromSeconds(random.Next(3, 12)), TimeSpan.FromSeconds(random.Next(30, 120)));
            if (notice is TaskWithdrawn w && _crews.TryGetValue(w.UnitId, out var crew) && crew.Task.TaskId == w.TaskId)
                Release(w.UnitId);
        }
        foreach (var (unitId, crew) in _crews.ToList())
        {
            var motion = movers[unitId];
            var scene = new GeoPoint(crew.Task.Lat, crew.Task.Lon);
            if (!crew.Accepted && now >= crew.AnswerAt)
            {
                if (random.NextDouble() < DeclineChance)
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
            else if (crew.ArrivedAt + crew.OnSceneFor <= now)
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

    private void Answer(Crew crew, TaskAnswer answer, string? remark) =>
        _ = node.Ask(node.Incidents, new AnswerTask(crew.Task.IncidentId, crew.Task.TaskId, crew.Task.UnitId, answer, remark));

    private sealed class Crew(TaskView task, DateTimeOffset answerAt, TimeSpan onSceneFor)
    {
        public TaskView Task { get; } = task;
        public DateTimeOffset AnswerAt { get; } = answerAt;
        public TimeSpan OnSceneFor { get; } = onSceneFor;
        public bool Accepted { get; set; }
        public DateTimeOffset? ArrivedAt { get; set; }
    }
}
