using System.Collections.Concurrent;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Intake;
using GridCommand.Rules.Incidents;

namespace GridCommand.Silo.Demo;

/// <summary>
/// Stands in for the demo's human dispatchers so the city keeps flowing: a simulated incident left
/// new for longer than Simulation:DispatcherPatience gets the nearest unit, and a resolved one is closed
/// after the same time. A person at the console can act first.
/// </summary>
public sealed class SimulatedDispatcher(IGrainFactory grains, TimeSpan patience)
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
                await Handle(id, now);
            }
        }
        finally
        {
            Interlocked.Exchange(ref _reviewing, 0);
        }
    }

    private async Task Handle(string id, DateTimeOffset now)
    {
        var incident = grains.GetGrain<IIncidentGrain>(id);
        try
        {
            switch (await incident.Get())
            {
                case { Status: IncidentStatus.New }:
                    await incident.Dispatch(new DispatchOrder(null, $"simulator-{id}", false, false, "simulator"));
                    break;
                case { Status: IncidentStatus.Resolved }:
                    await incident.Close("现场已处置完毕", "simulator");
                    _watched.TryRemove(id, out _);
                    break;
                case { Status: IncidentStatus.Dispatched or IncidentStatus.OnScene }:
                    _watched[id] = now; // check again after another spell of patience
                    break;
                default:
                    _watched.TryRemove(id, out _);
                    break;
            }
        }
        catch (Exception)
        {
            // No unit free, or the grid busy: the incident waits for the next review, as it would for a person.
            _watched[id] = now;
        }
    }
}
