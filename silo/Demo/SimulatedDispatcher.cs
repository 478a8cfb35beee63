using System.Collections.Concurrent;
using GridCommand.Grains.Incidents;
using GridCommand.Grains.Messages;
using GridCommand.Silo.Dispatch;
using GridCommand.Silo.Hosting;

namespace GridCommand.Silo.Demo;

/// <summary>
/// Stands in for the demo's human dispatchers so the city keeps flowing: a simulated incident left
/// new for longer than Simulation:DispatcherPatience gets the nearest unit, and a resolved one is closed
/// after the same time. A person at the console can act first.
/// </summary>
public sealed class SimulatedDispatcher(GridNode node, TimeSpan patience)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _watched = new();
    private int _reviewing;

    public void Watch(IntakeResult intake)
    {
        if (intake.Created && intake.Incident.Status == IncidentStatus.New) _watched[intake.Incident.Id] = intake.Incident.CreatedAt;
    }

    /// <summary>Looks at the watched incidents; skipped while the previous review is still running.</summary>
    public async Task Review(DateTimeOffset now)
    {
        if (Interlocked.Exchange(ref _reviewing, 1) == 1) return;
        try
        {
            foreach (var (id, since) in _watched)
            {
                if (now - since < patience) continue;
                switch (await node.Ask(node.Incidents, new GetIncident(id)))
                {
                    case IncidentView { Status: IncidentStatus.New }:
                        await node.Ask(node.Incidents, new DispatchUnit(id, null, $"simulator-{id}", false, false, "simulator"), TimeSpan.FromSeconds(20));
                        break;
                    case IncidentView { Status: IncidentStatus.Resolved }:
                        await node.Ask(node.Incidents, new CloseIncident(id, "现场已处置完毕", "simulator"));
                        _watched.TryRemove(id, out _);
                        break;
                    case IncidentView { Status: IncidentStatus.Dispatched or IncidentStatus.OnScene }:
                        _watched[id] = now; // check again after another spell of patience
                        break;
                    default:
                        _watched.TryRemove(id, out _);
                        break;
                }
            }
        }
        finally
        {
            Interlocked.Exchange(ref _reviewing, 0);
        }
    }
}
